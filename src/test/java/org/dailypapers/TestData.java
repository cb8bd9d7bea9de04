package org.dailypapers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared real data sets ({@code ../shared/data} beside the repository). Found by walking up from the working
 * folder, so tests run the same from a clone, a worktree or an IDE.
 */
public final class TestData {

    private TestData() {}

    public static Path root() {
        String configured = System.getProperty("dailypapers.test-data", System.getProperty("dailypapers.shared-data"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "shared/data not found above " + Path.of("").toAbsolutePath() + "; set -Ddailypapers.test-data");
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    public static Path arxivDailyCs() {
        return file("arxiv-daily-cs/all_unique_papers_2025-03-18_to_2026-07-01.jsonl.gz");
    }

    /** The first {@code n} records of {@link #arxivDailyCs()}, as parsed JSON. */
    public static List<JsonNode> arxivDailyCsRecords(int n) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(arxivDailyCs())), StandardCharsets.UTF_8))) {
            String line;
            while (out.size() < n && (line = in.readLine()) != null) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    public static Path hfDailyPapers() {
        return file("hf-daily-papers/Paper_metadata_download");
    }
}
