package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.lucene.PaperIndex;
import org.jspecify.annotations.Nullable;

/**
 * Turns the query the search box's parser built (over analysed terms) into the same query in Elasticsearch's DSL.
 * The index holds the same terms (sent pre-analysed), so a term stays a term and BM25 scores come out the same.
 */
final class LuceneToElasticsearch {

    private LuceneToElasticsearch() {}

    static Query translate(org.apache.lucene.search.Query q) {
        if (q instanceof TermQuery t) {
            return term(t.getTerm());
        }
        if (q instanceof BooleanQuery b) {
            return bool(b);
        }
        if (q instanceof BoostQuery b) {
            Query inner = translate(b.getQuery());
            return Query.of(x -> x.bool(bb -> bb.must(inner).boost(b.getBoost())));
        }
        if (q instanceof PhraseQuery p) {
            Term[] terms = p.getTerms();
            if (terms.length == 0) {
                return Query.of(x -> x.matchNone(m -> m));
            }
            StringBuilder text = new StringBuilder();
            for (Term t : terms) {
                text.append(text.isEmpty() ? "" : " ").append(t.text());
            }
            String field = terms[0].field();
            return Query.of(x ->
                    x.matchPhrase(m -> m.field(field).query(text.toString()).slop(p.getSlop())));
        }
        if (q instanceof MultiPhraseQuery mp) {
            // The classic parser builds these only for terms at one position (synonyms), which our analyzers make
            // never; keep the first alternative of each position.
            Term[][] arrays = mp.getTermArrays();
            StringBuilder text = new StringBuilder();
            String field = arrays.length > 0 && arrays[0].length > 0 ? arrays[0][0].field() : PaperIndex.TEXT;
            for (Term[] at : arrays) {
                if (at.length > 0) {
                    text.append(text.isEmpty() ? "" : " ").append(at[0].text());
                }
            }
            return Query.of(x ->
                    x.matchPhrase(m -> m.field(field).query(text.toString()).slop(mp.getSlop())));
        }
        if (q instanceof SynonymQuery s) {
            List<Query> should = new ArrayList<>();
            for (Term t : s.getTerms()) {
                should.add(term(t));
            }
            return Query.of(x -> x.bool(bb -> bb.should(should)));
        }
        if (q instanceof PrefixQuery p) {
            Term t = p.getPrefix();
            return Query.of(x -> x.prefix(pp -> pp.field(t.field()).value(t.text())));
        }
        if (q instanceof WildcardQuery w) {
            Term t = w.getTerm();
            return Query.of(x -> x.wildcard(ww -> ww.field(t.field()).value(t.text())));
        }
        if (q instanceof FuzzyQuery f) {
            Term t = f.getTerm();
            return Query.of(x -> x.fuzzy(ff -> ff.field(t.field())
                    .value(t.text())
                    .fuzziness(Integer.toString(f.getMaxEdits()))
                    .prefixLength(f.getPrefixLength())));
        }
        if (q instanceof RegexpQuery r) {
            Term t = r.getRegexp();
            return Query.of(x -> x.regexp(rr -> rr.field(t.field()).value(t.text())));
        }
        if (q instanceof TermRangeQuery r) {
            String field = r.getField();
            return Query.of(x -> x.range(rr -> rr.term(tr -> {
                tr.field(field);
                if (r.getLowerTerm() != null) {
                    String lower = r.getLowerTerm().utf8ToString();
                    if (r.includesLower()) {
                        tr.gte(lower);
                    } else {
                        tr.gt(lower);
                    }
                }
                if (r.getUpperTerm() != null) {
                    String upper = r.getUpperTerm().utf8ToString();
                    if (r.includesUpper()) {
                        tr.lte(upper);
                    } else {
                        tr.lt(upper);
                    }
                }
                return tr;
            })));
        }
        if (q instanceof DisjunctionMaxQuery d) {
            List<Query> parts = d.getDisjuncts().stream()
                    .map(LuceneToElasticsearch::translate)
                    .toList();
            return Query.of(x -> x.disMax(dm -> dm.queries(parts).tieBreaker((double) d.getTieBreakerMultiplier())));
        }
        if (q instanceof MatchAllDocsQuery) {
            return Query.of(x -> x.matchAll(m -> m));
        }
        if (q instanceof MatchNoDocsQuery) {
            return Query.of(x -> x.matchNone(m -> m));
        }
        throw new IllegalArgumentException("Could not understand the query: unsupported part " + q);
    }

    private static Query term(Term t) {
        return Query.of(x -> x.term(tt -> tt.field(t.field()).value(t.text())));
    }

    private static Query bool(BooleanQuery b) {
        BoolQuery.Builder out = new BoolQuery.Builder();
        boolean positive = false;
        for (BooleanClause c : b.clauses()) {
            Query part = translate(c.query());
            switch (c.occur()) {
                case MUST -> {
                    out.must(part);
                    positive = true;
                }
                case SHOULD -> {
                    out.should(part);
                    positive = true;
                }
                case FILTER -> {
                    out.filter(part);
                    positive = true;
                }
                case MUST_NOT -> out.mustNot(part);
            }
        }
        if (!positive) {
            // Lucene matches nothing with prohibitions alone; Elasticsearch would match everything else.
            return Query.of(x -> x.matchNone(m -> m));
        }
        if (b.getMinimumNumberShouldMatch() > 0) {
            out.minimumShouldMatch(Integer.toString(b.getMinimumNumberShouldMatch()));
        }
        return Query.of(x -> x.bool(out.build()));
    }

    /** The request's filters (dates, categories, code, organisation, source, venue), as the embedded engine applies them. */
    static @Nullable Query filter(SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        if (r.from() != null || r.to() != null) {
            LocalDate from = r.from();
            LocalDate to = r.to();
            filters.add(Query.of(x -> x.range(rr -> rr.number(n -> {
                n.field(PaperIndex.PUBLISHED);
                if (from != null) {
                    n.gte((double) from.toEpochDay());
                }
                if (to != null) {
                    n.lte((double) to.toEpochDay());
                }
                return n;
            }))));
        }
        if (!r.categories().isEmpty()) {
            List<FieldValue> cats = r.categories().stream()
                    .map(c -> FieldValue.of(c.toLowerCase(Locale.ROOT)))
                    .toList();
            filters.add(Query.of(x -> x.terms(t -> t.field(PaperIndex.CATEGORY).terms(tv -> tv.value(cats)))));
        }
        if (r.hasCode()) {
            filters.add(Query.of(x -> x.term(t -> t.field(PaperIndex.HAS_CODE).value(true))));
        }
        if (r.organization() != null && !r.organization().isBlank()) {
            String org = r.organization().trim();
            filters.add(
                    Query.of(x -> x.term(t -> t.field(PaperIndex.ORGANIZATION).value(org))));
        }
        // Any of a merged paper's sources or venues finds it, as in the embedded engine.
        if (r.source() != null) {
            String source = r.source().slug();
            filters.add(Query.of(x -> x.term(t -> t.field(PaperIndex.SOURCE).value(source))));
        }
        if (r.venue() != null) {
            String venue = r.venue();
            filters.add(Query.of(x -> x.term(t -> t.field(PaperIndex.VENUE).value(venue))));
        }
        if (filters.isEmpty()) {
            return null;
        }
        return Query.of(x -> x.bool(b -> b.filter(filters)));
    }
}
