package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.dailypapers.paper.Source;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchSort;
import org.dailypapers.search.core.Facets;
import org.dailypapers.search.core.Fusion;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.lucene.Analyzers;
import org.dailypapers.search.lucene.PaperIndex;
import org.dailypapers.search.lucene.UserQueryParser;
import org.dailypapers.shared.ComputePool;
import org.jspecify.annotations.Nullable;

/**
 * Answers searches over the Elasticsearch index with the embedded engine's ranking: the same parser and analysed
 * terms for BM25, the same stored vectors and search width for kNN, and the same fusion computed here (the
 * server's RRF and linear retrievers need a licence). A hybrid search sends both halves in one {@code _msearch}.
 */
public final class ElasticsearchEngine {

    /** As the embedded engine: the vector graph is searched at least this wide. */
    private static final int KNN_MIN_CANDIDATES = 400;

    private static final int QUERY_VECTORS = 1_000;

    /** Matches counted exactly for a search without facets, as the embedded engine counts them. */
    private static final int TOTAL_WITHOUT_FACETS = 1_000;

    /** A paper's vector by id (the {@code search_vector} table), or null when it has none. */
    @FunctionalInterface
    public interface VectorLookup {
        float @Nullable [] vectorOf(String id);
    }

    public record Hit(String id, double score, @Nullable String titleHighlight, @Nullable String snippet) {}

    public record Result(
            long totalHits, List<Hit> hits, Map<String, List<FacetCount>> facets, @Nullable String error) {}

    private final ElasticsearchClient client;
    private final String index;
    private final Supplier<BgeEmbedder> embedder;
    private final VectorLookup vectors;
    private final Fusion fusion;
    private final double alpha;
    private final int depth;
    private final Analyzer analyzer = Analyzers.perField();
    private final UserQueryParser parser = new UserQueryParser(analyzer);

    /**
     * Where query embeddings of web requests run: the cluster does the searching, but the embedding is CPU work in
     * this process, and on a request's virtual thread it would hold a carrier (decision 0009). Null: in place.
     */
    private volatile @Nullable ComputePool compute;

    private final Map<String, float[]> queryVectors =
            Collections.synchronizedMap(new LinkedHashMap<>(QUERY_VECTORS + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > QUERY_VECTORS;
                }
            });

    public ElasticsearchEngine(
            ElasticsearchClient client,
            String index,
            Supplier<BgeEmbedder> embedder,
            VectorLookup vectors,
            Fusion fusion,
            double alpha,
            int depth) {
        this.client = client;
        this.index = index;
        this.embedder = embedder;
        this.vectors = vectors;
        this.fusion = fusion;
        this.alpha = alpha;
        this.depth = depth;
    }

    /** One document of a result list, with what sorting, facets and highlights need. */
    private record Doc(String id, @Nullable Map<String, Object> source) {}

    /** Documents of one search, numbered so that the shared fusion code can use them. */
    private static final class Candidates {
        final List<Doc> docs = new ArrayList<>();
        final Map<String, Integer> ordinals = new HashMap<>();

        List<Fusion.Scored> add(List<co.elastic.clients.elasticsearch.core.search.Hit<Map>> hits) {
            List<Fusion.Scored> out = new ArrayList<>(hits.size());
            for (var h : hits) {
                @SuppressWarnings("unchecked")
                Map<String, Object> source = h.source();
                Integer ord = ordinals.get(h.id());
                if (ord == null) {
                    ord = docs.size();
                    ordinals.put(h.id(), ord);
                    docs.add(new Doc(h.id(), source));
                }
                out.add(new Fusion.Scored(ord, h.score() == null ? 0 : h.score()));
            }
            return out;
        }
    }

    // --- the product's searches -----------------------------------------------------------------------------------

    public Result search(SearchRequest request, boolean withFacets, boolean withSnippets) {
        String text = request.query().strip();
        // The same parser as the embedded backend: the same words become the same query.
        UserQueryParser.Parsed parsed = parser.parse(text);
        if (parsed.error() != null) {
            return new Result(0, List.of(), Map.of(), parsed.error());
        }
        org.apache.lucene.search.Query keyword = parsed.query();
        org.apache.lucene.search.Query highlight = parsed.highlight();
        Query filter = LuceneToElasticsearch.filter(request);
        int need = Math.multiplyExact(request.page() + 1, request.size());
        try {
            if (keyword == null || request.mode() == SearchMode.BM25) {
                SearchSort sort =
                        keyword == null && request.sort() == SearchSort.RELEVANCE ? SearchSort.DATE : request.sort();
                Query q =
                        keyword == null ? Query.of(x -> x.matchAll(m -> m)) : LuceneToElasticsearch.translate(keyword);
                return keywordPage(request, filtered(q, filter), sort, withFacets, withSnippets ? highlight : null);
            }
            // What the candidates' sources must hold: facet values, sort keys, and the texts only for snippets. A
            // ranking needs none, and the texts of 200 candidates were most of a hybrid answer's bytes.
            @Nullable
            List<String> source = withFacets || withSnippets || request.sort() != SearchSort.RELEVANCE
                    ? sourceFields(withSnippets)
                    : null;
            Candidates c = new Candidates();
            List<Fusion.Scored> ranked;
            if (request.mode() == SearchMode.DENSE) {
                ranked = c.add(knnSearch(queryVector(text), filter, need, source));
            } else {
                int k = Math.max(depth, need);
                List<List<co.elastic.clients.elasticsearch.core.search.Hit<Map>>> both = keywordAndKnn(
                        filtered(LuceneToElasticsearch.translate(keyword), filter),
                        queryVector(text),
                        filter,
                        k,
                        source);
                List<Fusion.Scored> kw = c.add(both.get(0));
                List<Fusion.Scored> vec = c.add(both.get(1));
                ranked = fusion.fuse(kw, vec, alpha);
            }
            Map<String, List<FacetCount>> facets = withFacets ? facetsOf(c, ranked) : Map.of();
            ranked = sorted(c, ranked, request.sort());
            int from = Math.min(ranked.size(), request.page() * request.size());
            int to = Math.min(ranked.size(), from + request.size());
            List<Hit> hits = hits(c, ranked.subList(from, to), withSnippets ? highlight : null);
            return new Result(ranked.size(), hits, facets, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer", e);
        }
    }

    /**
     * Ranked ids for evaluation and benchmarks: exactly what {@link #search} ranks for the same words, without
     * facets and snippets.
     */
    public List<Hit> rank(String text, SearchMode mode, int k) {
        return search(SearchRequest.simple(text, mode, k), false, false).hits();
    }

    /** Papers nearest to one (its stored vector, else its embedded text), itself left out. */
    public List<Hit> similarTo(String id, int limit, @Nullable String fallbackText) {
        float[] v = vectors.vectorOf(id);
        if (v == null && fallbackText != null) {
            v = embedder.get().embedDocument(fallbackText);
        }
        if (v == null) {
            return List.of();
        }
        try {
            Candidates c = new Candidates();
            List<Fusion.Scored> near = c.add(knnSearch(v, null, limit + 1, null));
            List<Fusion.Scored> others = near.stream()
                    .filter(s -> !c.docs.get(s.docId()).id().equals(id))
                    .limit(limit)
                    .toList();
            return hits(c, others, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer", e);
        }
    }

    /** Papers nearest to pasted text, embedded as a passage. */
    public List<Hit> similarToText(String text, int limit) {
        float[] v = embedder.get().embedDocument(text);
        org.apache.lucene.search.Query words = parser.words(text);
        try {
            Candidates c = new Candidates();
            List<Fusion.Scored> near = c.add(knnSearch(v, null, limit, sourceFields(true)));
            if (near.isEmpty()) {
                near = c.add(keywordList(LuceneToElasticsearch.translate(words), limit));
            }
            return hits(c, near, words);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer", e);
        }
    }

    // --- requests -------------------------------------------------------------------------------------------------

    private Result keywordPage(
            SearchRequest request,
            Query q,
            SearchSort sort,
            boolean withFacets,
            org.apache.lucene.search.@Nullable Query highlight)
            throws IOException {
        SearchResponse<Map> r = client.search(
                s -> {
                    s.index(index)
                            .query(q)
                            .from(request.page() * request.size())
                            .size(request.size())
                            // As the embedded engine: the exact total only where facets are counted anyway;
                            // a ranking counts to 1,000, and block-max WAND skips the rest of the matches.
                            .trackTotalHits(t -> withFacets ? t.enabled(true) : t.count(TOTAL_WITHOUT_FACETS));
                    sourceForPage(s, highlight != null);
                    if (sort != SearchSort.RELEVANCE) {
                        String field = sort == SearchSort.DATE ? PaperIndex.PUBLISHED : PaperDocuments.UPVOTES;
                        s.sort(so -> so.field(f ->
                                        f.field(field).order(SortOrder.Desc).missing(m -> m.stringValue("_last"))))
                                .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                                .trackScores(true);
                    }
                    if (withFacets) {
                        // Exact counts on one shard; the order and the cut are Facets', as on the other backend.
                        s.aggregations(
                                        Facets.CATEGORY,
                                        a -> a.terms(t -> t.field(PaperIndex.CATEGORY_FACET)
                                                .size(Facets.CATEGORIES)))
                                .aggregations(
                                        Facets.KEYWORD,
                                        a -> a.terms(t -> t.field(PaperIndex.KEYWORD_FACET)
                                                .size(Facets.KEYWORDS)))
                                .aggregations(
                                        Facets.YEAR,
                                        a -> a.terms(
                                                t -> t.field(PaperIndex.YEAR).size(500)))
                                .aggregations(
                                        Facets.SOURCE,
                                        a -> a.terms(
                                                t -> t.field(PaperIndex.SOURCE).size(Source.values().length)))
                                .aggregations(
                                        Facets.VENUE,
                                        a -> a.terms(
                                                t -> t.field(PaperIndex.VENUE).size(Facets.VENUES)));
                    }
                    return s;
                },
                Map.class);
        Candidates c = new Candidates();
        List<Fusion.Scored> docs = c.add(r.hits().hits());
        Map<String, List<FacetCount>> facets = Map.of();
        if (withFacets) {
            Map<Integer, Long> years = new HashMap<>();
            buckets(r.aggregations().get(Facets.YEAR)).forEach((y, n) -> years.put(Integer.valueOf(y), n));
            facets = Facets.of(
                    buckets(r.aggregations().get(Facets.CATEGORY)),
                    buckets(r.aggregations().get(Facets.KEYWORD)),
                    years,
                    buckets(r.aggregations().get(Facets.SOURCE)),
                    buckets(r.aggregations().get(Facets.VENUE)));
        }
        long total = r.hits().total() == null ? docs.size() : r.hits().total().value();
        return new Result(total, hits(c, docs, highlight), facets, null);
    }

    private static Map<String, Long> buckets(@Nullable Aggregate a) {
        Map<String, Long> out = new HashMap<>();
        if (a == null) {
            return out;
        }
        if (a.isSterms()) {
            for (StringTermsBucket b : a.sterms().buckets().array()) {
                out.put(b.key().stringValue(), b.docCount());
            }
        } else if (a.isLterms()) {
            for (var b : a.lterms().buckets().array()) {
                out.put(Long.toString(b.key()), b.docCount());
            }
        }
        return out;
    }

    private static void sourceForPage(co.elastic.clients.elasticsearch.core.SearchRequest.Builder s, boolean full) {
        s.source(src -> src.filter(f -> f.includes(sourceFields(full))));
    }

    private static List<String> sourceFields(boolean withText) {
        return withText
                ? List.of(
                        PaperIndex.CATEGORY_FACET,
                        PaperIndex.KEYWORD_FACET,
                        PaperIndex.SOURCE,
                        PaperIndex.VENUE,
                        PaperIndex.YEAR,
                        PaperIndex.PUBLISHED,
                        PaperDocuments.UPVOTES,
                        PaperDocuments.DISPLAY)
                : List.of(
                        PaperIndex.CATEGORY_FACET,
                        PaperIndex.KEYWORD_FACET,
                        PaperIndex.SOURCE,
                        PaperIndex.VENUE,
                        PaperIndex.YEAR,
                        PaperIndex.PUBLISHED,
                        PaperDocuments.UPVOTES);
    }

    private List<co.elastic.clients.elasticsearch.core.search.Hit<Map>> keywordList(Query q, int k) throws IOException {
        return client.search(
                        s -> s.index(index)
                                .query(q)
                                .size(k)
                                .trackTotalHits(t -> t.enabled(false))
                                .source(src -> src.fetch(false)),
                        Map.class)
                .hits()
                .hits();
    }

    private List<co.elastic.clients.elasticsearch.core.search.Hit<Map>> knnSearch(
            float[] vector, @Nullable Query filter, int k, @Nullable List<String> source) throws IOException {
        List<Float> v = asList(vector);
        int candidates = Math.max(k, KNN_MIN_CANDIDATES);
        return client.search(
                        s -> {
                            s.index(index)
                                    .knn(kn -> {
                                        kn.field(PaperIndex.VECTOR)
                                                .queryVector(v)
                                                .k(k)
                                                .numCandidates(candidates);
                                        if (filter != null) {
                                            kn.filter(filter);
                                        }
                                        return kn;
                                    })
                                    .size(k)
                                    .trackTotalHits(t -> t.enabled(false));
                            if (source != null) {
                                s.source(src -> src.filter(f -> f.includes(source)));
                            } else {
                                s.source(src -> src.fetch(false));
                            }
                            return s;
                        },
                        Map.class)
                .hits()
                .hits();
    }

    /** BM25 and kNN candidates in one round trip. */
    private List<List<co.elastic.clients.elasticsearch.core.search.Hit<Map>>> keywordAndKnn(
            Query keyword, float[] vector, @Nullable Query filter, int k, @Nullable List<String> source)
            throws IOException {
        List<Float> v = asList(vector);
        int candidates = Math.max(k, KNN_MIN_CANDIDATES);
        MsearchResponse<Map> r = client.msearch(
                m -> m.searches(s -> s.header(h -> h.index(index)).body(b -> {
                            b.query(keyword).size(k).trackTotalHits(t -> t.enabled(false));
                            if (source != null) {
                                b.source(src -> src.filter(f -> f.includes(source)));
                            } else {
                                b.source(src -> src.fetch(false));
                            }
                            return b;
                        }))
                        .searches(s -> s.header(h -> h.index(index)).body(b -> {
                            b.knn(kn -> {
                                        kn.field(PaperIndex.VECTOR)
                                                .queryVector(v)
                                                .k(k)
                                                .numCandidates(candidates);
                                        if (filter != null) {
                                            kn.filter(filter);
                                        }
                                        return kn;
                                    })
                                    .size(k)
                                    .trackTotalHits(t -> t.enabled(false));
                            if (source != null) {
                                b.source(src -> src.filter(f -> f.includes(source)));
                            } else {
                                b.source(src -> src.fetch(false));
                            }
                            return b;
                        })),
                Map.class);
        List<List<co.elastic.clients.elasticsearch.core.search.Hit<Map>>> out = new ArrayList<>(2);
        for (MultiSearchResponseItem<Map> item : r.responses()) {
            if (item.isFailure()) {
                throw new co.elastic.clients.elasticsearch._types.ElasticsearchException(
                        "msearch", co.elastic.clients.elasticsearch._types.ErrorResponse.of(e -> e.error(
                                        item.failure().error())
                                .status(item.failure().status())));
            }
            out.add(item.result().hits().hits());
        }
        return out;
    }

    // --- in the application ---------------------------------------------------------------------------------------

    /** Query embeddings of web requests run on this pool from now on. */
    public ElasticsearchEngine embeddingOn(ComputePool pool) {
        this.compute = pool;
        return this;
    }

    private float[] queryVector(String text) {
        float[] vector = queryVectors.get(text);
        if (vector == null) {
            ComputePool pool = compute;
            vector = pool == null
                    ? embedder.get().embedQuery(text)
                    : pool.call(() -> embedder.get().embedQuery(text));
            queryVectors.put(text, vector);
        }
        return vector;
    }

    private static List<Float> asList(float[] v) {
        List<Float> out = new ArrayList<>(v.length);
        for (float x : v) {
            out.add(x);
        }
        return out;
    }

    private static Query filtered(Query q, @Nullable Query filter) {
        if (filter == null) {
            return q;
        }
        return Query.of(x -> x.bool(b -> b.must(q).filter(filter)));
    }

    /** Facets over a candidate list, as the embedded engine counts them. */
    private static Map<String, List<FacetCount>> facetsOf(Candidates c, List<Fusion.Scored> ranked) {
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> keywords = new HashMap<>();
        Map<String, Long> sources = new HashMap<>();
        Map<String, Long> venues = new HashMap<>();
        Map<Integer, Long> years = new HashMap<>();
        for (Fusion.Scored s : ranked) {
            Map<String, Object> src = c.docs.get(s.docId()).source();
            if (src == null) {
                continue;
            }
            count(src.get(PaperIndex.CATEGORY_FACET), categories);
            count(src.get(PaperIndex.KEYWORD_FACET), keywords);
            count(src.get(PaperIndex.SOURCE), sources);
            count(src.get(PaperIndex.VENUE), venues);
            if (src.get(PaperIndex.YEAR) instanceof Number y) {
                years.merge(y.intValue(), 1L, Long::sum);
            }
        }
        return Facets.of(categories, keywords, years, sources, venues);
    }

    /** A source field holds one value or a list of them. */
    private static void count(@Nullable Object values, Map<String, Long> counts) {
        if (values instanceof List<?> list) {
            for (Object v : list) {
                counts.merge(String.valueOf(v), 1L, Long::sum);
            }
        } else if (values != null) {
            counts.merge(String.valueOf(values), 1L, Long::sum);
        }
    }

    /** Orders a candidate list by date or upvotes; relevance keeps the list's own order. */
    private static List<Fusion.Scored> sorted(Candidates c, List<Fusion.Scored> ranked, SearchSort sort) {
        if (sort == SearchSort.RELEVANCE) {
            return ranked;
        }
        String field = sort == SearchSort.DATE ? PaperIndex.PUBLISHED : PaperDocuments.UPVOTES;
        List<Fusion.Scored> docs = new ArrayList<>(ranked);
        docs.sort(Comparator.comparingLong((Fusion.Scored s) -> {
                    Map<String, Object> src = c.docs.get(s.docId()).source();
                    return src != null && src.get(field) instanceof Number n ? n.longValue() : Long.MIN_VALUE;
                })
                .reversed()
                .thenComparing(Comparator.comparingDouble(Fusion.Scored::score).reversed()));
        return docs;
    }

    private List<Hit> hits(Candidates c, List<Fusion.Scored> docs, org.apache.lucene.search.@Nullable Query highlight) {
        List<Hit> out = new ArrayList<>(docs.size());
        for (Fusion.Scored s : docs) {
            Doc d = c.docs.get(s.docId());
            String title = null;
            String snippet = null;
            if (highlight != null
                    && d.source() != null
                    && d.source().get(PaperDocuments.DISPLAY) instanceof Map<?, ?> display) {
                title = highlight(PaperIndex.TITLE, highlight, String.valueOf(display.get(PaperIndex.TITLE)), true);
                snippet = highlight(
                        PaperIndex.ABSTRACT, highlight, String.valueOf(display.get(PaperIndex.ABSTRACT)), false);
            }
            out.add(new Hit(d.id(), s.score(), title, snippet));
        }
        return out;
    }

    /**
     * Highlights one stored text the way the embedded engine does (same analyzer, breaks and marks), without an
     * index: the page's few texts are analysed on the fly.
     */
    private @Nullable String highlight(
            String field, org.apache.lucene.search.Query query, String content, boolean whole) {
        UnifiedHighlighter h = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFieldMatcher(f -> true)
                .withBreakIterator(
                        () -> whole ? new WholeBreakIterator() : BreakIterator.getSentenceInstance(Locale.ROOT))
                .withMaxNoHighlightPassages(whole ? 0 : 1)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build();
        try {
            Object out = h.highlightWithoutSearcher(field, query, content, whole ? 1 : 2);
            return out == null ? null : out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
