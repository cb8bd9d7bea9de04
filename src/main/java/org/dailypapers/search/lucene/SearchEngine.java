package org.dailypapers.search.lucene;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchSort;
import org.dailypapers.search.core.Facets;
import org.dailypapers.search.core.Fusion;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * Answers searches over one {@link PaperIndex}: keyword, vector and fused. Both the product (over the instance's
 * index) and the evaluation (over a temporary index of a benchmark corpus) run exactly this code.
 */
public final class SearchEngine {

    /** Candidates each side contributes to a fused list; deeper pages ask for more. */
    public static final int DEFAULT_DEPTH = 100;

    /**
     * The vector graph is searched at least this wide (HNSW's ef), whatever k is asked: on SciFact, searching 400
     * wide ranked as well as exact search.
     */
    private static final int KNN_MIN_CANDIDATES = 400;

    private final PaperIndex index;
    private final BgeEmbedder embedder;
    private final UserQueryParser parser;
    private final Fusion fusion;
    private final double alpha;
    private final int depth;

    /**
     * Query vectors of recent queries. A reader pages through results, switches mode, adds a filter or clicks a
     * facet with the same words, and each would embed them again (about 10 ms of a core): the vectors depend on the
     * text alone, so they are kept, least recently used out first.
     */
    private final Map<String, float[]> queryVectors =
            Collections.synchronizedMap(new LinkedHashMap<>(QUERY_VECTORS + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > QUERY_VECTORS;
                }
            });

    private static final int QUERY_VECTORS = 1_000;

    /** Whether kNN candidates are rescored with the float vectors (a quantised vector format). */
    private final boolean rescore;

    public SearchEngine(PaperIndex index, BgeEmbedder embedder, Fusion fusion, double alpha, int depth) {
        this.index = index;
        this.rescore = index.vectorFormat().rescores();
        this.embedder = embedder;
        this.parser = new UserQueryParser(index.analyzer());
        this.fusion = fusion;
        this.alpha = alpha;
        this.depth = depth;
    }

    /** One hit: the paper's id in the index (an arXiv id, or a corpus id in evaluations). */
    public record Hit(String id, double score, @Nullable String titleHighlight, @Nullable String snippet) {}

    record Result(long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets, @Nullable String error) {}

    /**
     * @param withFacets whether to count categories and years over all hits (which visits every match)
     * @param withSnippets whether to highlight the hits of the page
     */
    public Result search(SearchRequest request, boolean withFacets, boolean withSnippets) {
        String text = request.query().strip();
        UserQueryParser.Parsed parsed = parser.parse(text);
        if (parsed.error() != null) {
            return new Result(0, List.of(), Map.of(), parsed.error());
        }
        Query parsedQuery = parsed.query();
        Query keyword = parsedQuery == null ? null : AbstractQueries.inText(parsedQuery);
        Query highlight = withSnippets ? parsed.highlight() : null;
        Query filter = filter(request);
        int need = Math.multiplyExact(request.page() + 1, request.size());
        return index.withSearcher(searcher -> {
            Ranked ranked;
            if (keyword == null) {
                // No words: browse the filtered papers, newest first unless another order was asked for.
                SearchSort sort = request.sort() == SearchSort.RELEVANCE ? SearchSort.DATE : request.sort();
                ranked = keywordRanking(searcher, new MatchAllDocsQuery(), filter, sort, need, withFacets);
            } else {
                ranked = switch (request.mode()) {
                    case BM25 -> keywordRanking(searcher, keyword, filter, request.sort(), need, withFacets);
                    case DENSE ->
                        sorted(
                                searcher,
                                candidates(searcher, vectorRanking(searcher, text, filter, need), withFacets),
                                request.sort());
                    case HYBRID ->
                        sorted(
                                searcher,
                                candidates(
                                        searcher,
                                        fusion.fuse(
                                                keywordList(searcher, keyword, filter, Math.max(depth, need)),
                                                vectorRanking(searcher, text, filter, Math.max(depth, need)),
                                                alpha),
                                        withFacets),
                                request.sort());
                };
            }
            int from = Math.min(ranked.docs().size(), request.page() * request.size());
            int to = Math.min(ranked.docs().size(), from + request.size());
            List<Fusion.Scored> page = ranked.docs().subList(from, to);
            List<Hit> hits = hits(searcher, page, highlight);
            return new Result(ranked.total(), hits, ranked.facets(), null);
        });
    }

    /**
     * Ranked ids for evaluation and benchmarks: exactly what {@link #search} ranks for the same words (the same
     * parser, the same ranking), without facets and snippets, which nothing there shows.
     */
    public List<Hit> rank(String text, SearchMode mode, int k) {
        return search(SearchRequest.simple(text, mode, k), false, false).hits();
    }

    /** Papers nearest to one in the index, itself left out; empty when it is unknown or not embedded yet. */
    List<Hit> similarTo(String id, int limit, @Nullable String fallbackText) {
        return index.withSearcher(searcher -> {
            int doc = PaperIndex.docIdOf(searcher, id);
            float[] v = doc < 0 ? null : PaperIndex.vectorOf(searcher, doc);
            if (v == null && fallbackText != null) {
                v = embedder.embedDocument(fallbackText);
            }
            if (v == null) {
                return List.of();
            }
            List<Fusion.Scored> near = knn(searcher, v, null, limit + 1);
            List<Fusion.Scored> others =
                    near.stream().filter(s -> s.docId() != doc).limit(limit).toList();
            return hits(searcher, others, null);
        });
    }

    /** Papers nearest to pasted text, embedded as a passage (not as a query: it is one already). */
    List<Hit> similarToText(String text, int limit) {
        float[] v = embedder.embedDocument(text);
        return index.withSearcher(searcher -> {
            List<Fusion.Scored> near = knn(searcher, v, null, limit);
            if (near.isEmpty()) {
                // Nothing embedded yet: the words still find something.
                near = keywordList(searcher, parser.plain(text), null, limit);
            }
            return hits(searcher, near, parser.words(text));
        });
    }

    private record Ranked(List<Fusion.Scored> docs, long total, Map<String, List<FacetCount>> facets) {}

    /**
     * The keyword ranking of a page, with the exact total and the facets when asked; those need every match visited
     * and scored in one pass. (A ranking pass that skips non-competitive matches plus a second pass that counts and
     * facets without scores measured 15 % more CPU on the 76,000 papers: the second walk over the postings costs
     * more than the scores it saves; see docs/decisions/0009-search-under-load.md.)
     */
    private Ranked keywordRanking(
            IndexSearcher searcher, Query query, @Nullable Query filter, SearchSort sort, int need, boolean withFacets)
            throws IOException {
        Query q = filtered(query, filter);
        int totalThreshold = withFacets ? Integer.MAX_VALUE : 1000;
        org.apache.lucene.search.CollectorManager<?, ? extends TopDocs> ranking;
        if (sort == SearchSort.RELEVANCE) {
            ranking = new TopScoreDocCollectorManager(need, totalThreshold);
        } else {
            String field = sort == SearchSort.DATE ? PaperIndex.PUBLISHED_SORT : PaperIndex.UPVOTES;
            SortField sf = new SortField(field, SortField.Type.LONG, true);
            sf.setMissingValue(Long.MIN_VALUE);
            ranking = new TopFieldCollectorManager(new Sort(sf, SortField.FIELD_SCORE), need, totalThreshold);
        }
        TopDocs top;
        FacetCounter counted = null;
        if (withFacets) {
            Object[] both = searcher.search(
                    q, new org.apache.lucene.search.MultiCollectorManager(ranking, new FacetCounter.Manager()));
            top = (TopDocs) both[0];
            counted = (FacetCounter) both[1];
        } else {
            top = searcher.search(q, ranking);
        }
        List<Fusion.Scored> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            docs.add(new Fusion.Scored(sd.doc, Float.isNaN(sd.score) ? 0 : sd.score));
        }
        return new Ranked(docs, top.totalHits.value(), counted == null ? Map.of() : counted.result());
    }

    private List<Fusion.Scored> keywordList(IndexSearcher searcher, Query query, @Nullable Query filter, int k)
            throws IOException {
        TopDocs top = searcher.search(filtered(query, filter), new TopScoreDocCollectorManager(k, k));
        List<Fusion.Scored> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            docs.add(new Fusion.Scored(sd.doc, sd.score));
        }
        return docs;
    }

    private List<Fusion.Scored> vectorRanking(IndexSearcher searcher, String text, @Nullable Query filter, int k)
            throws IOException {
        float[] vector = queryVectors.get(text);
        if (vector == null) {
            vector = embedder.embedQuery(text);
            queryVectors.put(text, vector);
        }
        return knn(searcher, vector, filter, k);
    }

    private List<Fusion.Scored> knn(IndexSearcher searcher, float[] vector, @Nullable Query filter, int k)
            throws IOException {
        if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
        }
        // The graph is searched wider than asked (HNSW's ef): fewer true neighbours are missed.
        int ef = Math.max(k, KNN_MIN_CANDIDATES);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(PaperIndex.VECTOR, vector, ef, filter), ef);
        if (rescore) {
            top = rescored(searcher, vector, top);
        }
        List<Fusion.Scored> docs = new ArrayList<>(Math.min(k, top.scoreDocs.length));
        for (ScoreDoc sd : top.scoreDocs) {
            if (docs.size() == k) {
                break;
            }
            docs.add(new Fusion.Scored(sd.doc, sd.score));
        }
        return docs;
    }

    /**
     * The graph ranked by the quantised copy; the float originals put the candidates in their true order, with the
     * score float HNSW gives ((1 + cosine) / 2), so fusion sees the same scale whatever the vector format.
     */
    private static TopDocs rescored(IndexSearcher searcher, float[] vector, TopDocs top) throws IOException {
        ScoreDoc[] docs = top.scoreDocs.clone();
        // In document order: one reader of float vectors per segment, and reads that move forward through its file.
        java.util.Arrays.sort(docs, Comparator.comparingInt((ScoreDoc sd) -> sd.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator vectors = null;
        for (int i = 0; i < docs.length; i++) {
            int doc = docs[i].doc;
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                values = leaves.get(li).reader().getFloatVectorValues(PaperIndex.VECTOR);
                vectors = values == null ? null : values.iterator();
            }
            int local = doc - leaves.get(li).docBase;
            if (vectors != null && vectors.docID() < local) {
                vectors.advance(local);
            }
            // A candidate without its float original (none here) keeps the graph's score.
            if (vectors != null && vectors.docID() == local) {
                docs[i] = new ScoreDoc(
                        doc, VectorSimilarityFunction.DOT_PRODUCT.compare(vector, values.vectorValue(vectors.index())));
            }
        }
        java.util.Arrays.sort(docs, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : a.doc - b.doc);
        return new TopDocs(top.totalHits, docs);
    }

    /** A candidate list as a result: its size is the total, facets count over it. */
    private static Ranked candidates(IndexSearcher searcher, List<Fusion.Scored> docs, boolean withFacets)
            throws IOException {
        Map<String, List<FacetCount>> facets = Map.of();
        if (withFacets) {
            FacetCounter counter = new FacetCounter();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<Integer> sortedDocs =
                    docs.stream().map(Fusion.Scored::docId).sorted().toList();
            int leafIndex = -1;
            FacetCounter.Leaf leaf = null;
            for (int doc : sortedDocs) {
                int li = ReaderUtil.subIndex(doc, leaves);
                if (li != leafIndex) {
                    if (leaf != null) {
                        leaf.finish();
                    }
                    leafIndex = li;
                    leaf = counter.leaf(leaves.get(li));
                }
                leaf.collect(doc - leaves.get(li).docBase);
            }
            if (leaf != null) {
                leaf.finish();
            }
            facets = counter.result();
        }
        return new Ranked(docs, docs.size(), facets);
    }

    /** Orders a candidate list by date or upvotes; relevance keeps the list's own order. */
    private static Ranked sorted(IndexSearcher searcher, Ranked ranked, SearchSort sort) throws IOException {
        if (sort == SearchSort.RELEVANCE) {
            return ranked;
        }
        String field = sort == SearchSort.DATE ? PaperIndex.PUBLISHED_SORT : PaperIndex.UPVOTES;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, Long> values = new HashMap<>();
        for (Fusion.Scored s : ranked.docs()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(s.docId(), leaves));
            NumericDocValues dv = DocValues.getNumeric(leaf.reader(), field);
            values.put(s.docId(), dv.advanceExact(s.docId() - leaf.docBase) ? dv.longValue() : Long.MIN_VALUE);
        }
        List<Fusion.Scored> docs = new ArrayList<>(ranked.docs());
        docs.sort(Comparator.comparingLong((Fusion.Scored s) -> values.get(s.docId()))
                .reversed()
                .thenComparing(Comparator.comparingDouble(Fusion.Scored::score).reversed()));
        return new Ranked(docs, ranked.total(), ranked.facets());
    }

    private List<Hit> hits(IndexSearcher searcher, List<Fusion.Scored> docs, @Nullable Query highlight)
            throws IOException {
        if (docs.isEmpty()) {
            return List.of();
        }
        int[] ids = docs.stream().mapToInt(Fusion.Scored::docId).toArray();
        List<Highlights.Marked> marked = Highlights.of(searcher, index.analyzer(), highlight, ids);
        List<Hit> hits = new ArrayList<>(docs.size());
        for (int i = 0; i < ids.length; i++) {
            Highlights.Marked m = marked.get(i);
            hits.add(new Hit(m.id(), docs.get(i).score(), m.title(), m.snippet()));
        }
        return hits;
    }

    private static Query filtered(Query query, @Nullable Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }

    static @Nullable Query filter(SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (r.from() != null || r.to() != null) {
            LocalDate from = r.from();
            LocalDate to = r.to();
            b.add(
                    LongPoint.newRangeQuery(
                            PaperIndex.PUBLISHED,
                            from == null ? Long.MIN_VALUE : from.toEpochDay(),
                            to == null ? Long.MAX_VALUE : to.toEpochDay()),
                    BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!r.categories().isEmpty()) {
            BooleanQuery.Builder cats = new BooleanQuery.Builder();
            for (String c : r.categories()) {
                cats.add(
                        new TermQuery(new Term(PaperIndex.CATEGORY, c.toLowerCase(Locale.ROOT))),
                        BooleanClause.Occur.SHOULD);
            }
            b.add(cats.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (r.hasCode()) {
            b.add(new TermQuery(new Term(PaperIndex.HAS_CODE, "true")), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (r.organization() != null && !r.organization().isBlank()) {
            b.add(
                    new TermQuery(
                            new Term(PaperIndex.ORGANIZATION, r.organization().trim())),
                    BooleanClause.Occur.FILTER);
            any = true;
        }
        // A paper merged with records of several sources or venues is found by any of them, as the daily feed's
        // source= and venue= find it (PaperRepository: EXISTS a record of that source).
        if (r.source() != null) {
            b.add(new TermQuery(new Term(PaperIndex.SOURCE, r.source().slug())), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (r.venue() != null) {
            b.add(new TermQuery(new Term(PaperIndex.VENUE, r.venue())), BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? b.build() : null;
    }

    /** Category, keyword, source, venue and year counts, gathered per segment by ordinal and named once at the end. */
    static final class FacetCounter {

        /** Years since {@link #FIRST_YEAR}; arXiv began in 1991, and counting into an array keeps boxing out. */
        private static final int FIRST_YEAR = 1900;

        private final Map<String, Long> categories = new HashMap<>();
        private final Map<String, Long> keywords = new HashMap<>();
        private final Map<String, Long> sources = new HashMap<>();
        private final Map<String, Long> venues = new HashMap<>();
        private final long[] years = new long[300];

        Leaf leaf(LeafReaderContext context) throws IOException {
            return new Leaf(context);
        }

        Map<String, List<FacetCount>> result() {
            Map<Integer, Long> yearCounts = new HashMap<>();
            for (int i = 0; i < years.length; i++) {
                if (years[i] > 0) {
                    yearCounts.put(FIRST_YEAR + i, years[i]);
                }
            }
            return Facets.of(categories, keywords, yearCounts, sources, venues);
        }

        void merge(FacetCounter other) {
            other.categories.forEach((k, v) -> categories.merge(k, v, Long::sum));
            other.keywords.forEach((k, v) -> keywords.merge(k, v, Long::sum));
            other.sources.forEach((k, v) -> sources.merge(k, v, Long::sum));
            other.venues.forEach((k, v) -> venues.merge(k, v, Long::sum));
            for (int i = 0; i < years.length; i++) {
                years[i] += other.years[i];
            }
        }

        final class Leaf implements org.apache.lucene.search.LeafCollector {
            private final SortedSetDocValues cats;
            private final NumericDocValues year;
            private final long[] ordCounts;
            private final SortedSetDocValues phrases;
            private final long[] phraseCounts;
            private final SortedSetDocValues sourceValues;
            private final long[] sourceCounts;
            private final SortedSetDocValues venueValues;
            private final long[] venueCounts;

            Leaf(LeafReaderContext context) throws IOException {
                cats = DocValues.getSortedSet(context.reader(), PaperIndex.CATEGORY_FACET);
                year = DocValues.getNumeric(context.reader(), PaperIndex.YEAR);
                ordCounts = counts(cats);
                phrases = DocValues.getSortedSet(context.reader(), PaperIndex.KEYWORD_FACET);
                phraseCounts = counts(phrases);
                sourceValues = DocValues.getSortedSet(context.reader(), PaperIndex.SOURCE);
                sourceCounts = counts(sourceValues);
                venueValues = DocValues.getSortedSet(context.reader(), PaperIndex.VENUE);
                venueCounts = counts(venueValues);
            }

            private static long[] counts(SortedSetDocValues values) {
                return new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
            }

            private static void collect(SortedSetDocValues values, long[] counts, int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        counts[(int) values.nextOrd()]++;
                    }
                }
            }

            private static void name(SortedSetDocValues values, long[] counts, Map<String, Long> into)
                    throws IOException {
                for (int ord = 0; ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        into.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
                    }
                }
            }

            @Override
            public void setScorer(org.apache.lucene.search.Scorable scorer) {}

            @Override
            public void collect(int doc) throws IOException {
                collect(cats, ordCounts, doc);
                collect(phrases, phraseCounts, doc);
                collect(sourceValues, sourceCounts, doc);
                collect(venueValues, venueCounts, doc);
                if (year.advanceExact(doc)) {
                    long y = year.longValue() - FIRST_YEAR;
                    if (y >= 0 && y < years.length) {
                        years[(int) y]++;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                name(cats, ordCounts, categories);
                name(phrases, phraseCounts, keywords);
                name(sourceValues, sourceCounts, sources);
                name(venueValues, venueCounts, venues);
            }
        }

        /** Counts facets alongside the top-hits collector, one counter per slice. */
        static final class Manager implements org.apache.lucene.search.CollectorManager<Collector, FacetCounter> {

            @Override
            public Collector newCollector() {
                return new Collector();
            }

            @Override
            public FacetCounter reduce(java.util.Collection<Collector> collectors) {
                FacetCounter all = new FacetCounter();
                collectors.forEach(c -> all.merge(c.counter));
                return all;
            }
        }

        static final class Collector implements org.apache.lucene.search.Collector {
            final FacetCounter counter = new FacetCounter();

            @Override
            public org.apache.lucene.search.LeafCollector getLeafCollector(LeafReaderContext context)
                    throws IOException {
                return counter.leaf(context);
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
