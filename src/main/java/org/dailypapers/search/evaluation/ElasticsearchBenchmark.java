package org.dailypapers.search.evaluation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.elasticsearch.Elasticsearch;
import org.dailypapers.search.elasticsearch.ElasticsearchEngine;
import org.dailypapers.search.elasticsearch.ElasticsearchIndexer;
import org.dailypapers.search.elasticsearch.ElasticsearchSettings;
import org.dailypapers.search.elasticsearch.PaperDocuments;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.embedding.VectorStore;
import org.springframework.stereotype.Component;

/**
 * {@code bench search --backend elasticsearch|both}: bulk indexing of the catalog into a benchmark index of the
 * cluster (the stored vectors, nothing embedded), then the same latency measurement as the embedded backend's,
 * through the Elasticsearch engine. The index ({@code PREFIX-bench-papers}) is dropped when done.
 */
@Component
public class ElasticsearchBenchmark {

    private final PaperCatalog catalog;
    private final VectorStore vectors;
    private final SearchSettings settings;
    private final ElasticsearchSettings elasticsearch;

    ElasticsearchBenchmark(
            PaperCatalog catalog, VectorStore vectors, SearchSettings settings, ElasticsearchSettings elasticsearch) {
        this.catalog = catalog;
        this.vectors = vectors;
        this.settings = settings;
        this.elasticsearch = elasticsearch;
    }

    /**
     * Papers per second of a rebuild from the catalog, the refresh that makes them searchable included, and the CPU
     * time each side spent on it: this process (catalog reads, analysis, JSON) and the cluster's nodes (negative
     * when the cluster does not tell), which on a small machine share the same cores.
     */
    public record Bulk(long papers, double seconds, String vectorIndex, double appCpuSeconds, double esCpuSeconds) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "elasticsearch bulk: papers=%d seconds=%.2f papers/s=%.0f app_cpu_s=%.1f es_cpu_s=%.1f (from the"
                            + " catalog with stored vectors, %s, refresh included, %d cores)",
                    papers,
                    seconds,
                    papers / seconds,
                    appCpuSeconds,
                    esCpuSeconds,
                    vectorIndex,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** An open benchmark index; {@link #close()} drops it. */
    public final class Session implements AutoCloseable {
        private final ElasticsearchClient client;
        private final PaperDocuments documents;
        private final BgeEmbedder embedder = new BgeEmbedder();

        private Session() {
            ElasticsearchSettings bench = new ElasticsearchSettings(
                    elasticsearch.uris(),
                    elasticsearch.username(),
                    elasticsearch.password(),
                    elasticsearch.apiKey(),
                    elasticsearch.indexPrefix() + "-bench",
                    1,
                    0,
                    elasticsearch.vectorIndex());
            client = Elasticsearch.client(bench);
            documents = new PaperDocuments(client, bench);
        }

        /** Rebuilds the benchmark index from the catalog. */
        public Bulk index(ProgressListener progress) {
            ElasticsearchIndexer indexer =
                    new ElasticsearchIndexer(catalog, vectors, settings, documents, null, false, () -> embedder);
            double esBefore = clusterCpuSeconds();
            double appBefore = processCpuSeconds();
            long start = System.nanoTime();
            long papers = indexer.rebuild(progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            double app = processCpuSeconds() - appBefore;
            double esAfter = clusterCpuSeconds();
            double es = esBefore < 0 || esAfter < 0 ? -1 : esAfter - esBefore;
            return new Bulk(papers, seconds, elasticsearch.vectorIndex(), app, es);
        }

        /** CPU seconds the cluster's node processes have used so far, or -1 when they do not say. */
        private double clusterCpuSeconds() {
            try {
                long millis = 0;
                for (var node :
                        client.nodes().stats(s -> s.metric("process")).nodes().values()) {
                    if (node.process() == null
                            || node.process().cpu() == null
                            || node.process().cpu().totalInMillis() == null) {
                        return -1;
                    }
                    millis += node.process().cpu().totalInMillis();
                }
                return millis / 1e3;
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        public long count() {
            return documents.count();
        }

        /** As {@link SearchBenchmark#latency}: warm-up, then the timed queries one at a time, an engine per mode. */
        public SearchBenchmark.Latency latency(SearchMode mode, List<String> queries, List<String> warmUp) {
            ElasticsearchEngine engine = Elasticsearch.engine(documents, settings, vectors, () -> embedder);
            for (String q : warmUp) {
                engine.rank(q, mode, 10);
            }
            long[] nanos = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long start = System.nanoTime();
                engine.rank(queries.get(i), mode, 10);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return new SearchBenchmark.Latency(
                    mode, false, queries.size(), percentile(nanos, 0.50), percentile(nanos, 0.99));
        }

        /** Top-10 ids of a title query, to compare the backends' lists. */
        public List<String> topTen(String query, SearchMode mode) {
            ElasticsearchEngine engine = Elasticsearch.engine(documents, settings, vectors, () -> embedder);
            return engine.rank(query, mode, 10).stream()
                    .map(ElasticsearchEngine.Hit::id)
                    .toList();
        }

        @Override
        public void close() {
            try {
                documents.dropAll();
            } finally {
                embedder.close();
                try {
                    client.close();
                } catch (java.io.IOException e) {
                    // closing a client loses nothing
                }
            }
        }
    }

    public Session open() {
        return new Session();
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
