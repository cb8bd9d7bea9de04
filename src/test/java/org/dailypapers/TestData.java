package org.dailypapers;

import java.nio.file.Files;
import java.nio.file.Path;

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

    public static Path hfDailyPapers() {
        return file("hf-daily-papers/Paper_metadata_download");
    }
}
