package org.dailypapers.search.lucene;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * What the search box's words become; the one parser of every search (the site, the API, feeds, the evaluation and
 * the benchmark).
 *
 * <p>Plain text — a pasted title, a question, a SciFact claim — is matched word by word against title and abstract,
 * and as a whole against author names (so "yann lecun" finds his papers) and categories ("cs.CL"). Nothing in it is
 * an operator: {@code CFG-Zero*:}, {@code Memex(RL)}, {@code (NOT)}, {@code A$^\text{T}$A} are words.
 *
 * <p>The syntax — {@code "phrases"}, {@code author:}, {@code cat:}, {@code title:}, {@code abstract:}, {@code keyword:}, AND/OR/NOT,
 * {@code +}/{@code -}, {@code ~}, and with them parentheses and {@code *} — applies only when the text uses one of
 * its markers and parses as a whole; anything else is searched as plain words. Only what cannot run cheaply is
 * refused: a query longer than {@link #MAX_CHARS} characters, or more than {@link #MAX_EXPANDING} fuzzy, wildcard
 * or prefix terms.
 */
public final class UserQueryParser {

    /** Longer than a long title with its authors; a pasted abstract belongs in "similar to text". */
    static final int MAX_CHARS = 1_000;

    /**
     * Fuzzy, wildcard and prefix terms each walk the term dictionary; twenty of them made a query of seconds, eight
     * slowed every other request. Four stay in single milliseconds on the 76,000-paper index.
     */
    static final int MAX_EXPANDING = 4;

    /** Terms a wildcard or fuzzy term may expand to (Lucene's default for fuzzy is 50 too). */
    static final int MAX_EXPANSIONS = 50;

    private static final String[] SYNTAX_FIELDS = {PaperIndex.TEXT, PaperIndex.AUTHORS, PaperIndex.CATEGORY};

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

    /**
     * A marker of the syntax: a quote, a known field before a colon, an operator word, a word led by + - or !, a
     * fuzzy tilde, && or ||. Without one the text is plain, whatever else it holds.
     */
    private static final Pattern SYNTAX =
            Pattern.compile("\"|(?i:\\b(author|authors|cat|category|title|abstract|id|keyword):)"
                    + "|\\b(AND|OR|NOT)\\b|(^|\\s)[-+!][^\\s-]|\\S~(\\d|\\s|$)|&&|\\|\\|");

    private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT)\\b");

    /** arXiv categories and archives as a reader types them: cs.CL, stat.ML, hep-th, astro-ph.GA. */
    private static final Pattern CATEGORY_WORD = Pattern.compile("[a-z]+(-[a-z]+)?(\\.[a-z]{2})?");

    /**
     * A parsed query, or the reason it cannot run (for a 400 naming the query).
     *
     * @param highlight what to mark in titles and abstracts: the words of plain text without the author-name phrase
     *     (which never matches prose, and whose phrase alone would make the highlighter index every hit in memory)
     */
    public record Parsed(@Nullable Query query, @Nullable Query highlight, @Nullable String error) {

        static Parsed refused(String error) {
            return new Parsed(null, null, error);
        }
    }

    private final Analyzer analyzer;
    private final QueryBuilder names;

    public UserQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.names = new QueryBuilder(analyzer);
    }

    /** Never throws: an empty text is a null query; what cannot run cheaply comes back with an error. */
    public Parsed parse(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return new Parsed(null, null, null);
        }
        if (text.length() > MAX_CHARS) {
            return Parsed.refused("The query is too long: " + text.length() + " characters, at most " + MAX_CHARS
                    + ". To find papers like a whole abstract, use \"similar to text\".");
        }
        if (SYNTAX.matcher(text).find()) {
            Query syntax = parseSyntax(text);
            if (syntax != null) {
                int expanding = countExpanding(syntax);
                if (expanding > MAX_EXPANDING) {
                    return Parsed.refused("The query has " + expanding + " fuzzy, wildcard or prefix terms; at most "
                            + MAX_EXPANDING + " can run at once.");
                }
                return new Parsed(syntax, syntax, null);
            }
        }
        return new Parsed(plain(text), words(text), null);
    }

    /** The syntax over text, authors and categories, or null where the text is not well-formed syntax. */
    private @Nullable Query parseSyntax(String text) {
        try {
            // Regular expressions (/.../) are no part of our syntax, and slashes are common in titles (TCP/IP).
            return new Parser(analyzer, SYNTAX_FIELDS).parse(text.replace("/", "\\/"));
        } catch (ParseException | RuntimeException e) {
            // Not syntax after all (an unbalanced parenthesis or quote, a lone operator, too many clauses):
            // the words are searched as they are.
            return null;
        }
    }

    /**
     * Every word optional over title and abstract; the whole text also as a phrase over author names, and a word
     * that looks like a category as that category. One clause each for names and categories, not one per word:
     * prose almost never matches them.
     */
    public Query plain(String text) {
        Query words = words(text);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        if (!(words instanceof org.apache.lucene.search.MatchNoDocsQuery)) {
            b.add(words, BooleanClause.Occur.SHOULD);
            clauses++;
        }
        Query author = names.createPhraseQuery(PaperIndex.AUTHORS, text);
        if (author != null) {
            b.add(author, BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.indexOf('.') > 0 && CATEGORY_WORD.matcher(word).matches()) {
                b.add(new TermQuery(new Term(PaperIndex.CATEGORY, word)), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 1 && author == null ? words : b.build();
    }

    /** Every word of the text, taken literally and optional, over title and abstract. */
    public Query words(String text) {
        Matcher m = OPERATORS.matcher(QueryParser.escape(text));
        String escaped = m.replaceAll(r -> r.group(1).toLowerCase(Locale.ROOT));
        try {
            return new Parser(analyzer, new String[] {PaperIndex.TEXT}).parse(escaped);
        } catch (ParseException e) {
            throw new IllegalStateException("escaped text must parse: " + text, e);
        }
    }

    /** Fuzzy, wildcard and prefix words, each counted once however many fields it is searched in. */
    private static int countExpanding(Query query) {
        Set<String> words = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof MultiTermQuery m) {
                    words.add(m.toString(m.getField()));
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return words.size();
    }

    private static final class Parser extends MultiFieldQueryParser {

        Parser(Analyzer analyzer, String[] fields) {
            super(fields, analyzer);
            setDefaultOperator(QueryParser.Operator.OR);
            setSplitOnWhitespace(true);
            setAllowLeadingWildcard(false);
            // Fuzzy terms keep their first letter: the dictionary walk then covers one letter's terms, not all.
            setFuzzyPrefixLength(1);
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
            requireLetters(termStr);
            return super.getPrefixQuery(resolve(field), termStr);
        }

        @Override
        protected Query getWildcardQuery(@Nullable String field, String termStr) throws ParseException {
            requireLetters(termStr);
            return super.getWildcardQuery(resolve(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(@Nullable String field, String termStr, float minSimilarity)
                throws ParseException {
            return super.getFuzzyQuery(resolve(field), termStr, minSimilarity);
        }

        @Override
        protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
            // Two edits on a short word match most short words of the dictionary.
            int edits = Math.min((int) minimumSimilarity, term.text().length() < 5 ? 1 : FuzzyQuery.defaultMaxEdits);
            return new FuzzyQuery(term, edits, prefixLength, MAX_EXPANSIONS, true);
        }

        @Override
        protected Query getRangeQuery(
                @Nullable String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            return super.getRangeQuery(resolve(field), part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not part of the syntax");
        }

        /** "a*" would visit every term that starts with a; two letters first keep a wildcard cheap. */
        private static void requireLetters(String termStr) throws ParseException {
            int letters = 0;
            for (int i = 0; i < termStr.length(); i++) {
                char c = termStr.charAt(i);
                if (c == '*' || c == '?') {
                    break;
                }
                letters++;
            }
            if (letters < 2) {
                throw new ParseException("a wildcard needs two letters before it");
            }
        }

        private static @Nullable String resolve(@Nullable String field) {
            return field == null ? null : FIELDS.get(field.toLowerCase(Locale.ROOT));
        }
    }
}
