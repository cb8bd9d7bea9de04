package org.dailypapers.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dailypapers.TestData;

/** The recorded arXiv responses of the shared data, found by {@link TestData}. */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        return TestData.root();
    }

    public static Path oai(String file) {
        return root().resolve("arxiv-oai-pmh").resolve(file);
    }

    public static Path atom(String file) {
        return root().resolve("arxiv-api-atom").resolve(file);
    }

    public static Path biorxiv(String file) {
        return root().resolve("biorxiv-api").resolve(file);
    }

    public static Path acl(String file) {
        return root().resolve("acl-anthology").resolve(file);
    }

    public static Path openReviewNotes() {
        return root().resolve("openreview-api/iclr2026-submissions-api2/paper_info_api_response.json");
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
