package org.dailypapers.search;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * The search box's syntax: words and "phrases" over title, abstract, authors and categories; {@code author:},
 * {@code cat:}, {@code title:}, {@code abstract:}; AND/OR/NOT, +/-, parentheses. A colon after a word that names no
 * field ("BERT: pre-training") is read as text, because titles are full of them.
 */
final class UserQueryParser {

    private static final String[] DEFAULT_FIELDS = {PaperIndex.TEXT, PaperIndex.AUTHORS, PaperIndex.CATEGORY};

    /**
     * Plain text is prose (a title, an abstract, a question): it is matched against title and abstract only. Author
     * names and categories would add two clauses per word that such text almost never matches.
     */
    private static final String[] PLAIN_FIELDS = {PaperIndex.TEXT};

    private static final Map<String, String> FIELDS = Map.of(
            "author",
            PaperIndex.AUTHORS,
            "authors",
            PaperIndex.AUTHORS,
            "cat",
            PaperIndex.CATEGORY,
            "category",
            PaperIndex.CATEGORY,
            "title",
            PaperIndex.TITLE,
            "abstract",
            PaperIndex.ABSTRACT,
            "id",
            PaperIndex.ID,
            "keyword",
            PaperIndex.KEYWORD,
            // The parser passes the internal names back through the overrides below.
            PaperIndex.TEXT,
            PaperIndex.TEXT);
    private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

    private final Analyzer analyzer;

    UserQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Parses user syntax; the message of the exception says what is wrong, in words for the user. */
    Query parse(String text) throws ParseException {
        try {
            return new Parser(analyzer, DEFAULT_FIELDS).parse(text);
        } catch (ParseException e) {
            throw new ParseException("Could not understand the query: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The parser signals some malformed input (bad regular expressions, too many clauses) this way.
            throw new ParseException("Could not understand the query: " + e.getMessage());
        }
    }

    /**
     * Text taken literally, every word optional, over title and abstract (a pasted title or abstract, an evaluation
     * query): what the search box does with the same words once its operators are escaped, less names and
     * categories.
     */
    Query parsePlain(String text) {
        Matcher m = OPERATORS.matcher(QueryParser.escape(text));
        String escaped = m.replaceAll(r -> r.group(1).toLowerCase(Locale.ROOT));
        try {
            return new Parser(analyzer, PLAIN_FIELDS).parse(escaped);
        } catch (ParseException e) {
            throw new IllegalStateException("escaped text must parse: " + text, e);
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // "Cannot parse 'x': Encountered ..." — the user knows what they typed.
        int colon = line.indexOf("': ");
        return colon >= 0 ? line.substring(colon + 3) : line;
    }

    private static final class Parser extends MultiFieldQueryParser {

        Parser(Analyzer analyzer, String[] fields) {
            super(fields, analyzer);
            setDefaultOperator(QueryParser.Operator.OR);
            setSplitOnWhitespace(true);
        }

        @Override
        protected Query getFieldQuery(@Nullable String field, String queryText, boolean quoted) throws ParseException {
            if (field == null || FIELDS.containsKey(field.toLowerCase(Locale.ROOT))) {
                return super.getFieldQuery(resolve(field), queryText, quoted);
            }
            // "BERT: pre-training" — the word before the colon is text, not a field.
            return super.getFieldQuery(null, field + " " + queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(@Nullable String field, String queryText, int slop) throws ParseException {
            return super.getFieldQuery(resolve(field), queryText, slop);
        }

        @Override
        protected Query getPrefixQuery(@Nullable String field, String termStr) throws ParseException {
            return super.getPrefixQuery(resolve(field), termStr);
        }

        @Override
        protected Query getWildcardQuery(@Nullable String field, String termStr) throws ParseException {
            return super.getWildcardQuery(resolve(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(@Nullable String field, String termStr, float minSimilarity)
                throws ParseException {
            return super.getFuzzyQuery(resolve(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRangeQuery(
                @Nullable String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            return super.getRangeQuery(resolve(field), part1, part2, startInclusive, endInclusive);
        }

        private static @Nullable String resolve(@Nullable String field) {
            return field == null ? null : FIELDS.get(field.toLowerCase(Locale.ROOT));
        }
    }
}
