package org.dailypapers.search.evaluation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.core.Fusion;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.elasticsearch.Elasticsearch;
import org.dailypapers.search.elasticsearch.ElasticsearchEngine;
import org.dailypapers.search.elasticsearch.ElasticsearchSettings;
import org.dailypapers.search.elasticsearch.PaperDocuments;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorCache;
import org.dailypapers.search.lucene.PaperIndex;
import org.dailypapers.search.lucene.SearchEngine;
import org.dailypapers.search.lucene.VectorFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relevance on a BEIR-format data set (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv): the corpus goes through the
 * product's indexing and search code into a temporary in-memory index; nDCG@10 and Recall@100 as BEIR computes
 * them (trec_eval's definitions, graded gains).
 */
public final class BeirEvaluation {

    /** One mode's figures. */
    public record Figures(SearchMode mode, double ndcgAt10, double recallAt100, int queries) {

        /** The line {@code eval} prints: {@code bm25 nDCG@10=0.6830 Recall@100=0.9250}. */
        public String line() {
            return String.format(Locale.ROOT, "%s nDCG@10=%.4f Recall@100=%.4f", mode.apiName(), ndcgAt10, recallAt100);
        }
    }

    private record Document(String id, String title, String text) {}

    private final Path dataset;
    private final String split;
    private @org.jspecify.annotations.Nullable ElasticsearchSettings elasticsearch;

    /** Ranks a query's text in one mode: the ids of the top {@code k}. */
    private interface Ranker {
        List<String> rank(String text, SearchMode mode, int k);
    }

    /** With the product's default settings. */
    public BeirEvaluation(Path dataset, String split) {
        this(dataset, split, SearchSettings.defaults());
    }

    /** With the product's defaults but another fusion ({@code score} or {@code rrf}), to compare them. */
    public BeirEvaluation(Path dataset, String split, String fusion) {
        this(dataset, split, SearchSettings.defaults().withFusion(fusion));
        if (Fusion.parse(fusion).isEmpty()) {
            throw new IllegalArgumentException("--fusion must be score or rrf, not '" + fusion + "'");
        }
    }

    private BeirEvaluation(Path dataset, String split, SearchSettings settings) {
        this.dataset = dataset;
        this.split = split;
        this.settings = settings;
    }

    private SearchSettings settings;

    /** With the embedded index holding its vectors in {@code format} (float, int8, int4, bbq). */
    public BeirEvaluation withVectorFormat(String format) {
        this.settings = settings.withVectorFormat(VectorFormat.parse(format));
        return this;
    }

    /**
     * Runs the evaluation through an Elasticsearch index (created for the run and dropped after it) instead of an
     * in-memory Lucene index: the same documents, vectors, queries and fusion.
     */
    public BeirEvaluation onElasticsearch(ElasticsearchSettings settings) {
        this.elasticsearch = settings;
        return this;
    }

    /**
     * On the cluster at {@code uris} (comma-separated, {@code DAILYPAPERS_ES_URIS}; null for 127.0.0.1:9200) with
     * the given {@code dense_vector} index type, in an index of its own.
     */
    public BeirEvaluation onElasticsearch(@org.jspecify.annotations.Nullable String uris, String vectorIndex) {
        return onElasticsearch(ElasticsearchSettings.of(
                        ElasticsearchSettings.parseUris(uris),
                        "dailypapers-eval-" + Long.toString(System.nanoTime(), 36))
                .withVectorIndex(vectorIndex));
    }

    /** Evaluates the modes, embedding the corpus with all cores (vectors cached in {@code vectorCache} if given). */
    public List<Figures> run(
            List<SearchMode> modes, @org.jspecify.annotations.Nullable Path vectorCache, ProgressListener embedding) {
        List<Document> corpus = readCorpus();
        Map<String, String> queries = readQueries();
        Map<String, Map<String, Integer>> qrels = readQrels();
        queries.keySet().retainAll(qrels.keySet());
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(
                    dataset.resolve("qrels").resolve(split + ".tsv") + ": no judged query has a text in queries.jsonl");
        }
        boolean needVectors = modes.stream().anyMatch(m -> m != SearchMode.BM25);
        try (BgeEmbedder embedder = new BgeEmbedder();
                PaperIndex index = PaperIndex.openWritable(new ByteBuffersDirectory(), settings.vectors())) {
            List<float[]> vectors = null;
            if (needVectors) {
                VectorCache cache = vectorCache == null ? VectorCache.none() : VectorCache.load(vectorCache);
                List<String> texts = corpus.stream()
                        .map(d -> BgeEmbedder.documentText(d.title(), d.text()))
                        .toList();
                vectors = cache.embed(embedder, texts, embedding);
                cache.save();
            }
            List<IndexedPaper> docs = new ArrayList<>(corpus.size());
            for (int i = 0; i < corpus.size(); i++) {
                Document d = corpus.get(i);
                docs.add(new IndexedPaper(
                        d.id(),
                        d.title(),
                        d.text(),
                        List.of(),
                        List.of(),
                        null,
                        0,
                        false,
                        null,
                        vectors == null ? null : vectors.get(i)));
            }
            AutoCloseable cleanup = () -> {};
            Ranker ranker;
            if (elasticsearch == null) {
                index.upsert(docs);
                index.commit(0);
                index.refresh();
                SearchEngine engine = settings.engine(index, embedder);
                ranker = (text, mode, k) -> engine.rank(text, mode, k).stream()
                        .map(SearchEngine.Hit::id)
                        .toList();
            } else {
                ElasticsearchClient client = Elasticsearch.client(elasticsearch);
                PaperDocuments documents = new PaperDocuments(client, elasticsearch);
                cleanup = () -> {
                    try {
                        documents.dropAll();
                    } finally {
                        client.close();
                    }
                };
                String es = documents.ensureIndex();
                long bulkStart = System.nanoTime();
                documents.upsert(es, docs);
                documents.refresh(es);
                double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;
                System.err.printf(
                        Locale.ROOT,
                        "elasticsearch bulk: docs=%d seconds=%.2f docs/s=%.0f (with vectors, refresh included)%n",
                        docs.size(),
                        bulkSeconds,
                        docs.size() / bulkSeconds);
                // Settled into one segment (one vector graph), the index's size is comparable between vector types.
                client.indices().forcemerge(f -> f.index(es).maxNumSegments(1L));
                var stats = client.indices().stats(st -> st.index(es)).all().primaries();
                System.err.printf(
                        Locale.ROOT,
                        "elasticsearch index: docs=%d store=%.1f MB vectors=%s%n",
                        stats.docs().count(),
                        stats.store().sizeInBytes() / 1e6,
                        elasticsearch.vectorIndex());
                ElasticsearchEngine engine = new ElasticsearchEngine(
                        client,
                        documents.alias(),
                        () -> embedder,
                        id -> null,
                        settings.fusionMethod(),
                        settings.alpha(),
                        settings.depth());
                ranker = (text, mode, k) -> engine.rank(text, mode, k).stream()
                        .map(ElasticsearchEngine.Hit::id)
                        .toList();
            }
            try (AutoCloseable dropped = cleanup) {
                return evaluate(modes, queries, qrels, ranker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Figures> evaluate(
            List<SearchMode> modes,
            Map<String, String> queries,
            Map<String, Map<String, Integer>> qrels,
            Ranker ranker) {
        List<Figures> figures = new ArrayList<>();
        for (SearchMode mode : modes) {
            double ndcg = 0;
            double recall = 0;
            long[] nanos = new long[queries.size()];
            int n = 0;
            for (Map.Entry<String, String> q : queries.entrySet()) {
                long start = System.nanoTime();
                List<String> ranked = ranker.rank(q.getValue(), mode, 100);
                nanos[n++] = System.nanoTime() - start;
                Map<String, Integer> judged = qrels.get(q.getKey());
                ndcg += ndcgAt(ranked, judged, 10);
                recall += recallAt(ranked, judged, 100);
            }
            java.util.Arrays.sort(nanos);
            // On standard error, so that the figures' lines stay as they are: the backend's query latency.
            System.err.printf(
                    Locale.ROOT,
                    "%s latency p50=%.2fms p99=%.2fms (%d queries, top 100)%n",
                    mode.apiName(),
                    nanos[(int) Math.ceil(0.50 * nanos.length) - 1] / 1e6,
                    nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6,
                    nanos.length);
            figures.add(new Figures(mode, ndcg / queries.size(), recall / queries.size(), queries.size()));
        }
        return figures;
    }

    static double ndcgAt(List<String> ranked, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            int gain = judged.getOrDefault(ranked.get(i), 0);
            dcg += gain / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream()
                .filter(g -> g > 0)
                .sorted((a, b) -> b - a)
                .toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recallAt(List<String> ranked, Map<String, Integer> judged, int k) {
        Set<String> relevant = new HashSet<>();
        judged.forEach((id, g) -> {
            if (g > 0) {
                relevant.add(id);
            }
        });
        if (relevant.isEmpty()) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(relevant::contains).count();
        return (double) found / relevant.size();
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    private List<Document> readCorpus() {
        JsonMapper json = JsonMapper.builder().build();
        List<Document> docs = new ArrayList<>();
        Path file = dataset.resolve("corpus.jsonl");
        forEachLine(file, (line, n) -> {
            JsonNode node = json.readTree(line);
            String id = text(node, "_id");
            if (id.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + n + ": no _id");
            }
            docs.add(new Document(id, text(node, "title"), text(node, "text")));
        });
        return docs;
    }

    private Map<String, String> readQueries() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> queries = new LinkedHashMap<>();
        forEachLine(dataset.resolve("queries.jsonl"), (line, n) -> {
            JsonNode node = json.readTree(line);
            queries.put(text(node, "_id"), text(node, "text"));
        });
        return queries;
    }

    private Map<String, Map<String, Integer>> readQrels() {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        Path file = dataset.resolve("qrels").resolve(split + ".tsv");
        forEachLine(file, (line, n) -> {
            String[] cols = line.split("\t");
            if (cols.length < 3 || (n == 1 && cols[0].equals("query-id"))) {
                return;
            }
            try {
                qrels.computeIfAbsent(cols[0], k -> new HashMap<>()).put(cols[1], Integer.parseInt(cols[2].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + n + ": score is not a whole number: " + cols[2]);
            }
        });
        return qrels;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    private interface LineHandler {
        void line(String line, int number);
    }

    private static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    handler.line(line, n);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
