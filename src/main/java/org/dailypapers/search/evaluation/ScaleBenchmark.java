package org.dailypapers.search.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.VectorUtil;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.VectorCache;
import org.dailypapers.search.embedding.VectorStore;
import org.dailypapers.search.lucene.PaperIndex;
import org.dailypapers.search.lucene.SearchEngine;
import org.dailypapers.search.lucene.SearchIndexer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The search side of {@code dailypapers bench scale}: real embeddings for the generated catalog's vectors, storing
 * them as the background embedder would, and the recall of the dense search against exact nearest neighbours.
 */
@Component
@ConditionalOnProperty(name = "dailypapers.search.backend", havingValue = "lucene", matchIfMissing = true)
public class ScaleBenchmark {

    private final SearchIndexer indexer;
    private final VectorStore vectors;
    private final PaperCatalog catalog;
    private final SearchSettings settings;

    ScaleBenchmark(SearchIndexer indexer, VectorStore vectors, PaperCatalog catalog, SearchSettings settings) {
        this.indexer = indexer;
        this.vectors = vectors;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** bge embeddings of the texts (as documents), kept in {@code cache} between runs. */
    public List<float[]> embed(List<String> texts, Path cache, ProgressListener progress) {
        VectorCache vectorCache = VectorCache.load(cache);
        List<float[]> out = vectorCache.embed(indexer.embedder(), texts, progress);
        vectorCache.save();
        return out;
    }

    /**
     * Stores a vector for every catalog paper that {@code vectorOf} gives one, keyed by the paper's text hash as
     * the embedder stores it, so that indexing takes it and nothing is embedded; returns how many.
     */
    public long storeVectors(Function<String, float @Nullable []> vectorOf, ProgressListener progress) {
        long total = catalog.counts().papers();
        long seq = 0;
        long stored = 0;
        long seen = 0;
        List<CatalogChange> changes;
        while (!(changes = catalog.changedSince(seq, 5_000)).isEmpty()) {
            List<VectorStore.StoredVector> rows = new ArrayList<>(changes.size());
            for (CatalogChange c : changes) {
                IndexedPaper p = IndexedPaper.of(c.paper(), null, null);
                float[] v = vectorOf.apply(p.id());
                if (v != null) {
                    rows.add(new VectorStore.StoredVector(p.id(), p.textHash(), v));
                }
            }
            vectors.saveAll(rows);
            stored += rows.size();
            seen += changes.size();
            seq = changes.getLast().seq();
            progress.progress(seen, total);
        }
        return stored;
    }

    /**
     * Recall@10 of the product's dense search (the HNSW graph, its candidate count and, for quantised formats, the
     * rescoring) against exact nearest neighbours by a scan of every stored vector, averaged over the queries.
     */
    public double recallAtTen(List<String> queries) {
        PaperIndex index = indexer.index();
        SearchEngine engine = settings.engine(index, indexer.embedder());
        List<float[]> queryVectors = new ArrayList<>();
        for (String q : queries) {
            queryVectors.add(indexer.embedder().embedQuery(q));
        }
        List<Set<String>> exact = index.withSearcher(searcher -> exactTopTen(searcher, queryVectors));
        double sum = 0;
        for (int i = 0; i < queries.size(); i++) {
            Set<String> truth = exact.get(i);
            if (truth.isEmpty()) {
                continue;
            }
            long found = engine.rank(queries.get(i), SearchMode.DENSE, 10).stream()
                    .map(SearchEngine.Hit::id)
                    .filter(truth::contains)
                    .count();
            sum += (double) found / truth.size();
        }
        return sum / queries.size();
    }

    /** One pass over all vectors for all queries at once: each vector is read once, not once per query. */
    private static List<Set<String>> exactTopTen(org.apache.lucene.search.IndexSearcher searcher, List<float[]> queries)
            throws IOException {
        int k = 10;
        List<java.util.PriorityQueue<long[]>> heaps = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            // [score bits, global doc]; the smallest score on top
            heaps.add(new java.util.PriorityQueue<>(
                    k + 1,
                    (a, b) -> Float.compare(Float.intBitsToFloat((int) a[0]), Float.intBitsToFloat((int) b[0]))));
        }
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperIndex.VECTOR);
            if (values == null) {
                continue;
            }
            var live = leaf.reader().getLiveDocs();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                float[] v = values.vectorValue(it.index());
                for (int q = 0; q < queries.size(); q++) {
                    float score = VectorUtil.dotProduct(queries.get(q), v);
                    var heap = heaps.get(q);
                    if (heap.size() < k) {
                        heap.add(new long[] {Float.floatToIntBits(score), leaf.docBase + doc});
                    } else if (score > Float.intBitsToFloat((int) heap.peek()[0])) {
                        heap.poll();
                        heap.add(new long[] {Float.floatToIntBits(score), leaf.docBase + doc});
                    }
                }
            }
        }
        StoredFields stored = searcher.storedFields();
        List<Set<String>> out = new ArrayList<>();
        for (var heap : heaps) {
            Set<String> ids = new HashSet<>();
            for (long[] e : heap) {
                ids.add(stored.document((int) e[1], Set.of(PaperIndex.ID)).get(PaperIndex.ID));
            }
            out.add(ids);
        }
        return out;
    }

    /** Scales {@code v} to unit length in place. */
    public static void normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inverse;
        }
    }
}
