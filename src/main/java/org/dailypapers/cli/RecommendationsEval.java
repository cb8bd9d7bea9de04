package org.dailypapers.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dailypapers.follow.RecommendationEvaluation;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.search.SearchMaintenance;
import org.jspecify.annotations.Nullable;

/**
 * {@code eval --recommendations}: imports the Hugging Face daily entries into a catalog of its own (a temporary home,
 * or {@code --work}), indexes and embeds them with the product's code, and prints the replay's three lines.
 */
final class RecommendationsEval {

    static final String DATA = "hf-daily-papers/Paper_metadata_download";

    private RecommendationsEval() {}

    static int run(@Nullable Path hfData, @Nullable Path work) {
        Path data = hfData != null ? hfData : findSharedData();
        if (data == null || !Files.isDirectory(data)) {
            System.err.println(
                    (data == null ? "../shared/data/" + DATA : data.toString())
                            + ": no such folder; give --hf-data DIR (Hugging Face daily_papers responses, one JSON file per day)");
            return 2;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(data)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
        if (files.isEmpty()) {
            System.err.println(data + ": no .json files");
            return 2;
        }
        Path home;
        boolean temporary = work == null;
        try {
            home = temporary ? Files.createTempDirectory("dailypapers-eval-recommendations-") : work.toAbsolutePath();
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evaluation's home", e);
        }
        try (var context = SpringContexts.start(
                false,
                Map.of(
                        "dailypapers.home", home.toString(),
                        "dailypapers.db-url", "",
                        "dailypapers.demo", "false",
                        "logging.level.org.dailypapers", "WARN",
                        "spring.main.lazy-initialization", "false"))) {
            ConsoleProgress progress = new ConsoleProgress(System.err);
            ImportSummary summary = context.getBean(PaperImporter.class).importFiles(files, progress);
            progress.finish();
            System.err.println(summary.line());
            SearchMaintenance search = context.getBean(SearchMaintenance.class);
            ConsoleBar indexing = new ConsoleBar(System.err, "indexing");
            search.rebuild(indexing::update);
            indexing.finish();
            ConsoleBar embedding = new ConsoleBar(System.err, "embedding");
            search.embedMissing(embedding::update);
            embedding.finish();
            search.catchUp();
            context.getBean(RecommendationEvaluation.class).run().forEach(f -> System.out.println(f.line()));
            return 0;
        } finally {
            if (temporary) {
                deleteQuietly(home);
            }
        }
    }

    private static @Nullable Path findSharedData() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(DATA);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    private static void deleteQuietly(Path home) {
        try (Stream<Path> walk = Files.walk(home)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + home + ": " + e.getMessage());
        }
    }
}
