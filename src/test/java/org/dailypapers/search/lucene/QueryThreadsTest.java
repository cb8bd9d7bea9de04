package org.dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.dailypapers.TestData;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.core.IndexedPaper;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A search spread over several threads ({@code dailypapers.search.query-threads}) answers exactly what the caller
 * alone answers: the same ids in the same order and the same totals, in every mode, on an index of several segments
 * of real arXiv papers.
 */
class QueryThreadsTest {

    private static final int SEGMENTS = 8;
    private static final int PER_SEGMENT = 150;

    @TempDir
    Path folder;

    @Test
    void shouldRankTheSameOnSeveralThreadsAsOnTheCallerAlone() throws IOException {
        List<JsonNode> records = TestData.arxivDailyCsRecords(SEGMENTS * PER_SEGMENT + 40);
        List<JsonNode> indexed = records.subList(0, SEGMENTS * PER_SEGMENT);
        List<String> queries = records.subList(SEGMENTS * PER_SEGMENT, records.size()).stream()
                .map(r -> r.path("title").asText())
                .toList();
        BgeEmbedder embedder = new BgeEmbedder();
        // Titles only: real embeddings, a few seconds to compute.
        List<float[]> vectors = embedder.embedAll(
                indexed.stream().map(r -> r.path("title").asText()).toList());
        try (PaperIndex writer = PaperIndex.openWritable(FSDirectory.open(folder))) {
            for (int s = 0; s < SEGMENTS; s++) {
                List<IndexedPaper> part = new ArrayList<>();
                for (int i = s * PER_SEGMENT; i < (s + 1) * PER_SEGMENT; i++) {
                    JsonNode r = indexed.get(i);
                    part.add(new IndexedPaper(
                            r.path("id").asText(),
                            r.path("title").asText(),
                            r.path("summary").asText(),
                            List.of(),
                            List.of("cs.LG"),
                            null,
                            0,
                            false,
                            null,
                            vectors.get(i)));
                }
                writer.upsert(part);
                writer.commit(s + 1); // one segment per commit
            }
        }
        try (PaperIndex alone = PaperIndex.openReadOnly(FSDirectory.open(folder), VectorFormat.DEFAULT, 1);
                PaperIndex spread = PaperIndex.openReadOnly(FSDirectory.open(folder), VectorFormat.DEFAULT, 3)) {
            int segments = spread.<Integer>withSearcher(
                    s -> s.getIndexReader().leaves().size());
            int slicesSpread = spread.<Integer>withSearcher(s -> s.getSlices().length);
            int slicesAlone = alone.<Integer>withSearcher(s -> s.getSlices().length);
            assertThat(segments).as("segments").isGreaterThanOrEqualTo(6);
            assertThat(slicesSpread).as("slices searched at once").isGreaterThan(1);
            assertThat(slicesAlone).as("slices on the caller alone").isEqualTo(1);
            SearchSettings settings = SearchSettings.defaults();
            SearchEngine one = settings.engine(alone, embedder);
            SearchEngine three = settings.engine(spread, embedder);
            for (String q : queries) {
                for (SearchMode mode : SearchMode.values()) {
                    var a = one.search(SearchRequest.simple(q, mode, 20), true, false);
                    var b = three.search(SearchRequest.simple(q, mode, 20), true, false);
                    assertThat(ids(b.hits())).as(mode + " " + q).isEqualTo(ids(a.hits()));
                    assertThat(b.totalHits()).as(mode + " total " + q).isEqualTo(a.totalHits());
                    assertThat(b.facets()).as(mode + " facets " + q).isEqualTo(a.facets());
                }
            }
        }
    }

    private static List<String> ids(List<SearchEngine.Hit> hits) {
        return hits.stream().map(SearchEngine.Hit::id).toList();
    }
}
