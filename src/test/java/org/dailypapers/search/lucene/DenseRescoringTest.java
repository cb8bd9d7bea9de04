package org.dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.store.FSDirectory;
import org.dailypapers.TestData;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Dense hits of the default (int8) index come in the order of their float vectors, with the float score, over an
 * index of several segments: the quantised copy only picks the candidates (decision 0012).
 */
class DenseRescoringTest {

    private static final int SEGMENTS = 3;
    private static final int PER_SEGMENT = 100;

    @TempDir
    Path folder;

    @Test
    void shouldOrderDenseHitsByTheirFloatVectorsInEverySegment() throws IOException {
        List<JsonNode> records = TestData.arxivDailyCsRecords(SEGMENTS * PER_SEGMENT + 20);
        List<String> titles =
                records.stream().map(r -> r.path("title").asText()).toList();
        List<String> queries = titles.subList(SEGMENTS * PER_SEGMENT, titles.size());
        BgeEmbedder embedder = new BgeEmbedder();
        List<float[]> vectors = embedder.embedAll(titles.subList(0, SEGMENTS * PER_SEGMENT));
        try (PaperIndex index = PaperIndex.openWritable(FSDirectory.open(folder), VectorFormat.INT8)) {
            for (int s = 0; s < SEGMENTS; s++) {
                List<IndexedPaper> part = new ArrayList<>();
                for (int i = s * PER_SEGMENT; i < (s + 1) * PER_SEGMENT; i++) {
                    part.add(new IndexedPaper(
                            "id" + i, titles.get(i), "", List.of(), List.of(), null, 0, false, null, vectors.get(i)));
                }
                index.upsert(part);
                index.commit(s + 1); // one segment per commit
            }
            index.refresh();
            assertThat(index.<Integer>withSearcher(
                            s -> s.getIndexReader().leaves().size()))
                    .isEqualTo(SEGMENTS);
            SearchEngine engine = SearchSettings.defaults().engine(index, embedder);
            for (String q : queries) {
                float[] query = embedder.embedQuery(q);
                List<Integer> exact = IntStream.range(0, vectors.size())
                        .boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> -score(query, vectors.get(i))))
                        .limit(10)
                        .toList();
                List<SearchEngine.Hit> hits = engine.rank(q, SearchMode.DENSE, 10);
                assertThat(hits)
                        .extracting(SearchEngine.Hit::id)
                        .as(q)
                        .isEqualTo(exact.stream().map(i -> "id" + i).toList());
                for (int r = 0; r < hits.size(); r++) {
                    assertThat(hits.get(r).score())
                            .as(q + " rank " + r)
                            .isCloseTo(score(query, vectors.get(exact.get(r))), within(1e-5));
                }
            }
        }
        embedder.close();
    }

    /** HNSW's dot-product score of unit vectors: (1 + cosine) / 2. */
    private static double score(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return (1 + dot) / 2;
    }
}
