package org.dailypapers.search.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dailypapers.TestData;
import org.dailypapers.search.FacetCount;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FacetsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Hugging Face's keywords of its 2025 daily papers, counted: thousands of values, many tied. */
    private static Map<String, Long> realKeywordCounts() throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(TestData.hfDailyPapers())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (JsonNode entry : JSON.readTree(f.toFile())) {
                    entry.path("paper").path("ai_keywords").forEach(k -> counts.merge(k.asString(""), 1L, Long::sum));
                }
            }
        }
        counts.put("never counted", 0L);
        return counts;
    }

    private static List<FacetCount> bySorting(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new FacetCount(e.getKey(), e.getValue()))
                .toList();
    }

    @Test
    void shouldPickTheSameValuesInTheSameOrderAsSortingThemAll() throws IOException {
        Map<String, Long> counts = realKeywordCounts();
        assertThat(counts).hasSizeGreaterThan(1_000);
        for (int limit : new int[] {1, Facets.KEYWORDS, Facets.CATEGORIES, 500, counts.size() + 5}) {
            assertThat(Facets.mostFrequent(counts, limit)).as("limit %d", limit).isEqualTo(bySorting(counts, limit));
        }
    }

    @Test
    void shouldBreakTiesByNameAndLeaveOutValuesCountedZero() throws IOException {
        Map<String, Long> counts = realKeywordCounts();
        long tied = counts.values().stream().filter(v -> v == 1L).count();
        assertThat(tied).as("values counted once").isGreaterThan(Facets.KEYWORDS);
        // Only the values counted once: the twenty listed are the first twenty names.
        Map<String, Long> once = new HashMap<>();
        counts.forEach((k, v) -> {
            if (v <= 1L) {
                once.put(k, v);
            }
        });
        List<FacetCount> listed = Facets.mostFrequent(once, Facets.KEYWORDS);
        assertThat(listed)
                .extracting(FacetCount::value)
                .isEqualTo(once.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey)
                        .sorted(Comparator.naturalOrder())
                        .limit(Facets.KEYWORDS)
                        .toList());
        assertThat(listed).extracting(FacetCount::value).doesNotContain("never counted");
        assertThat(Facets.mostFrequent(counts, 0)).isEmpty();
    }
}
