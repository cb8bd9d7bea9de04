package org.dailypapers.search.evaluation;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.search.lucene.PaperIndex;
import org.dailypapers.search.lucene.SearchEngine;
import org.dailypapers.search.lucene.SearchIndexer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The measurements behind {@code dailypapers bench search}: query latency per mode over titles drawn from the
 * indexed corpus, and embedding throughput of our embedder next to the stock langchain4j class.
 */
@Component
@ConditionalOnProperty(name = "dailypapers.search.backend", havingValue = "lucene", matchIfMissing = true)
public class SearchBenchmark {

    private final SearchIndexer indexer;
    private final SearchSettings settings;

    SearchBenchmark(SearchIndexer indexer, SearchSettings settings) {
        this.indexer = indexer;
        this.settings = settings;
    }

    /**
     * Latency percentiles of one mode.
     *
     * @param full whether each query got the whole {@code /api/search} answer (a page of 20 with highlighted titles
     *     and snippets, facets and the total) rather than the ranking alone (the top 10)
     */
    public record Latency(SearchMode mode, boolean full, int queries, double p50Millis, double p99Millis) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    full
                            ? "%s full p50=%.2fms p99=%.2fms (%d queries, page of 20 with facets, snippets, total)"
                            : "%s p50=%.2fms p99=%.2fms (%d queries, top 10)",
                    mode.apiName(),
                    p50Millis,
                    p99Millis,
                    queries);
        }
    }

    /** Papers per second of both embedders on the same abstracts. */
    public record Throughput(int texts, double ours, double stock) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "embedding ours=%.1f papers/s stock=%.1f papers/s ratio=%.2fx (%d abstracts, %d cores)",
                    ours,
                    stock,
                    ours / stock,
                    texts,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    public record IndexState(long indexed, long embedded) {}

    public IndexState state() {
        PaperIndex index = indexer.index();
        return new IndexState(index.count(), index.countEmbedded());
    }

    /** Title and abstract of up to {@code n} papers drawn at random (seeded) from the index. */
    public List<String[]> sample(int n, long seed) {
        return indexer.index().withSearcher(searcher -> {
            int max = searcher.getIndexReader().maxDoc();
            Random random = new Random(seed);
            Set<Integer> picked = new LinkedHashSet<>();
            StoredFields stored = searcher.storedFields();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(searcher.getIndexReader());
            int attempts = 0;
            while (picked.size() < Math.min(n, searcher.getIndexReader().numDocs()) && attempts++ < n * 20) {
                int doc = random.nextInt(max);
                if (live == null || live.get(doc)) {
                    picked.add(doc);
                }
            }
            List<String[]> out = new ArrayList<>();
            for (int doc : picked) {
                var d = stored.document(doc, Set.of(PaperIndex.TITLE, PaperIndex.ABSTRACT));
                out.add(new String[] {d.get(PaperIndex.TITLE), d.get(PaperIndex.ABSTRACT)});
            }
            return out;
        });
    }

    /**
     * Runs the warm-up queries, then the timed ones, one at a time: the search path of the product (plain text, top
     * 10, ids read from the index), including the query embedding for dense and hybrid. Each mode gets an engine of
     * its own and the warm-up queries differ from the timed ones, so no timed query finds its vector remembered.
     */
    public Latency latency(SearchMode mode, List<String> queries, List<String> warmUp) {
        return latency(mode, false, queries, warmUp);
    }

    /**
     * As {@link #latency(SearchMode, List, List)}; with {@code full}, each query gets what {@code /api/search}
     * computes for it: the same ranking, plus facets, snippets and the exact total.
     */
    public Latency latency(SearchMode mode, boolean full, List<String> queries, List<String> warmUp) {
        SearchEngine engine = settings.engine(indexer.index(), indexer.embedder());
        for (String q : warmUp) {
            run(engine, mode, full, q);
        }
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            run(engine, mode, full, queries.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Latency(mode, full, queries.size(), percentile(nanos, 0.50), percentile(nanos, 0.99));
    }

    private static void run(SearchEngine engine, SearchMode mode, boolean full, String query) {
        if (full) {
            engine.search(SearchRequest.simple(query, mode, 20), true, true);
        } else {
            engine.rank(query, mode, 10);
        }
    }

    /**
     * Embeds the same texts with both embedders in alternating quarters, so that load from elsewhere on the
     * machine falls on both alike.
     */
    public Throughput throughput(List<String> texts) {
        BgeEmbedder ours = indexer.embedder();
        BgeSmallEnV15QuantizedEmbeddingModel stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        List<String> warmUp = texts.subList(0, Math.min(8, texts.size()));
        ours.embedAll(warmUp);
        stock.embedAll(warmUp.stream().map(TextSegment::from).toList());
        long oursNanos = 0;
        long stockNanos = 0;
        int quarter = Math.max(1, (texts.size() + 3) / 4);
        for (int start = 0; start < texts.size(); start += quarter) {
            List<String> part = texts.subList(start, Math.min(texts.size(), start + quarter));
            long t0 = System.nanoTime();
            ours.embedAll(part);
            long t1 = System.nanoTime();
            stock.embedAll(part.stream().map(TextSegment::from).toList());
            long t2 = System.nanoTime();
            oursNanos += t1 - t0;
            stockNanos += t2 - t1;
        }
        return new Throughput(texts.size(), texts.size() / (oursNanos / 1e9), texts.size() / (stockNanos / 1e9));
    }

    /** Top-10 ids of a title query on the embedded index, to compare the backends' lists. */
    public List<String> topTen(String query, SearchMode mode) {
        return settings.engine(indexer.index(), indexer.embedder()).rank(query, mode, 10).stream()
                .map(SearchEngine.Hit::id)
                .toList();
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
