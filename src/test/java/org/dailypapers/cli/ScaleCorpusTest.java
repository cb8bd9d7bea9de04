package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.dailypapers.TestData;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.search.evaluation.ScaleBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScaleCorpusTest {

    @TempDir
    Path work;

    @Test
    void shouldMakeDistinctPapersFromRealRecordsWithIdsNoRealPaperHas() throws Exception {
        ScaleCorpus corpus = ScaleCorpus.read(TestData.arxivDailyCs(), 500);
        assertThat(corpus.sources()).isEqualTo(500);
        Path file = work.resolve("papers.jsonl.gz");
        corpus.write(1_250, file);

        List<JsonNode> records = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (var lines = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                records.add(json.readTree(line));
            }
        }
        assertThat(records).hasSize(1_250);
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        List<String> titles = corpus.titles();
        for (int j = 0; j < records.size(); j++) {
            JsonNode r = records.get(j);
            String id = r.path("id").asString();
            assertThat(ArxivId.parse(id)).as(id).isPresent();
            assertThat(id).startsWith("9");
            assertThat(ScaleCorpus.paperOf(id)).isEqualTo(j);
            ids.add(id);
            texts.add(r.path("title").asString() + "\n" + r.path("abstract").asString());
            if (j < 500) {
                // The first copy of a record is the record itself.
                assertThat(r.path("title").asString()).isEqualTo(titles.get(j));
            }
            assertThat(r.path("versions").get(0).path("created").asString()).isNotBlank();
        }
        assertThat(ids).hasSize(1_250);
        assertThat(texts)
                .as("later copies join two records, so no text repeats")
                .hasSize(1_250);
        assertThat(ScaleCorpus.paperOf("2503.11731")).isEqualTo(-1);
    }

    @Test
    void shouldDeriveEachVectorFromTheRealVectorsOfItsRecords() throws Exception {
        ScaleCorpus corpus = ScaleCorpus.read(TestData.arxivDailyCs(), 50);
        // Stand-ins for the title embeddings: any unit vectors show the derivation.
        List<float[]> sources = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            float[] v = new float[384];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            ScaleBenchmark.normalise(v);
            sources.add(v);
        }
        for (int j = 0; j < 50; j++) {
            float[] v = corpus.vector(j, sources);
            assertThat(dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(dot(v, sources.get(j)))
                    .as("a first copy stays by its record")
                    .isGreaterThan(0.99);
        }
        float[] later = corpus.vector(50 + 3, sources);
        assertThat(dot(later, sources.get(3)))
                .as("a later copy lies between its two records")
                .isBetween(0.5, 0.95);
        assertThat(corpus.vector(53, sources)).containsExactly(later);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
