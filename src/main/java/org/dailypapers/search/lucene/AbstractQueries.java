package org.dailypapers.search.lucene;

import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanPositionRangeQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * {@code abstract:} searches as the Lucene index runs them. The abstract is inverted once, as the second value of the
 * BM25 field, whose positions start at {@link PaperIndex#ABSTRACT_POSITION} (the title's lie below it): a query the
 * parser wrote for the abstract field becomes the same words in the BM25 field within that range of positions.
 * Elasticsearch keeps an abstract field of its own and gets the parser's query unchanged.
 */
final class AbstractQueries {

    private AbstractQueries() {}

    /** The query with each of its clauses on the abstract field moved into the BM25 field's abstract positions. */
    static Query inText(Query query) {
        return switch (query) {
            case BooleanQuery b -> {
                BooleanQuery.Builder out =
                        new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
                for (BooleanClause c : b.clauses()) {
                    out.add(inText(c.query()), c.occur());
                }
                yield out.build();
            }
            case BoostQuery boost -> new BoostQuery(inText(boost.getQuery()), boost.getBoost());
            case TermQuery t when onAbstract(t.getTerm()) -> inAbstract(term(t.getTerm()));
            case PhraseQuery p when PaperIndex.ABSTRACT.equals(p.getField()) -> phrase(p);
            case MultiPhraseQuery p
            when p.getTermArrays().length > 0 && onAbstract(p.getTermArrays()[0][0]) -> phrase(p);
            case MultiTermQuery m when PaperIndex.ABSTRACT.equals(m.getField()) -> multiTerm(m);
            default -> query;
        };
    }

    private static boolean onAbstract(Term t) {
        return PaperIndex.ABSTRACT.equals(t.field());
    }

    private static Query inAbstract(SpanQuery q) {
        return new SpanPositionRangeQuery(q, PaperIndex.ABSTRACT_POSITION, Integer.MAX_VALUE);
    }

    private static SpanTermQuery term(Term t) {
        return new SpanTermQuery(new Term(PaperIndex.TEXT, t.bytes()));
    }

    /** A phrase with its stop-word holes kept as gaps; sloppy phrases match in any order, as PhraseQuery's do. */
    private static Query phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        if (terms.length == 1) {
            return inAbstract(term(terms[0]));
        }
        int[] positions = p.getPositions();
        SpanQuery[] clauses = new SpanQuery[terms.length];
        for (int i = 0; i < terms.length; i++) {
            clauses[i] = term(terms[i]);
        }
        return inAbstract(near(clauses, positions, p.getSlop()));
    }

    private static Query phrase(MultiPhraseQuery p) {
        Term[][] arrays = p.getTermArrays();
        SpanQuery[] clauses = new SpanQuery[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            SpanQuery[] alternatives = new SpanQuery[arrays[i].length];
            for (int j = 0; j < arrays[i].length; j++) {
                alternatives[j] = term(arrays[i][j]);
            }
            clauses[i] = alternatives.length == 1 ? alternatives[0] : new SpanOrQuery(alternatives);
        }
        return inAbstract(clauses.length == 1 ? clauses[0] : near(clauses, p.getPositions(), p.getSlop()));
    }

    private static SpanQuery near(SpanQuery[] clauses, int[] positions, int slop) {
        if (slop > 0) {
            // Gaps exist only in ordered span queries; a sloppy phrase's holes are absorbed by its slop.
            int holes = positions[positions.length - 1] - positions[0] - (positions.length - 1);
            return new SpanNearQuery(clauses, slop + holes, false);
        }
        SpanNearQuery.Builder b = new SpanNearQuery.Builder(PaperIndex.TEXT, true);
        for (int i = 0; i < clauses.length; i++) {
            if (i > 0 && positions[i] - positions[i - 1] > 1) {
                b.addGap(positions[i] - positions[i - 1] - 1);
            }
            b.addClause(clauses[i]);
        }
        return b.build();
    }

    private static Query multiTerm(MultiTermQuery m) {
        MultiTermQuery onText =
                switch (m) {
                    case FuzzyQuery f ->
                        new FuzzyQuery(
                                new Term(PaperIndex.TEXT, f.getTerm().bytes()),
                                f.getMaxEdits(),
                                f.getPrefixLength(),
                                UserQueryParser.MAX_EXPANSIONS,
                                f.getTranspositions());
                    case PrefixQuery p ->
                        new PrefixQuery(new Term(PaperIndex.TEXT, p.getPrefix().bytes()));
                    case WildcardQuery w ->
                        new WildcardQuery(new Term(PaperIndex.TEXT, w.getTerm().bytes()));
                    case TermRangeQuery r ->
                        new TermRangeQuery(
                                PaperIndex.TEXT,
                                r.getLowerTerm(),
                                r.getUpperTerm(),
                                r.includesLower(),
                                r.includesUpper());
                    default -> null;
                };
        if (onText == null) {
            // The parser writes no other kind for a field; one that slipped through finds nothing rather than
            // everything.
            return new MatchNoDocsQuery("abstract: " + m.getClass().getSimpleName() + " is not supported");
        }
        SpanMultiTermQueryWrapper<MultiTermQuery> spans = new SpanMultiTermQueryWrapper<>(onText);
        // As many expansions as a fuzzy word gets anywhere else (UserQueryParser.MAX_EXPANSIONS).
        spans.setRewriteMethod(
                new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(UserQueryParser.MAX_EXPANSIONS));
        return inAbstract(spans);
    }
}
