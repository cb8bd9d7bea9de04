package org.dailypapers.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's recorded data: {@code -Ddailypapers.shared-data=...} when set, otherwise the first {@code shared/data}
 * found walking up from the working directory (a checkout sits next to {@code shared/}, a worktree one level
 * deeper).
 */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("dailypapers.shared-data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data folder above "
                + Path.of("").toAbsolutePath() + "; set -Ddailypapers.shared-data=/path/to/shared/data");
    }

    public static Path oai(String file) {
        return root().resolve("arxiv-oai-pmh").resolve(file);
    }

    public static Path atom(String file) {
        return root().resolve("arxiv-api-atom").resolve(file);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
