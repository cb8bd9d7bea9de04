package org.dailypapers.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints its figures on standard output.",
        subcommands = {BenchCommand.Import.class})
class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import FILE into a fresh embedded catalog (SQLite) in a temporary home; print papers/s.")
    static class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            Path home = Files.createTempDirectory("dailypapers-bench-");
            try (var context = SpringContexts.start(
                    false, Map.of("dailypapers.home", home.toString(), "dailypapers.db-url", ""))) {
                PaperImporter importer = context.getBean(PaperImporter.class);
                long start = System.nanoTime();
                ImportSummary summary = importer.importFiles(List.of(file), ImportListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                long papers = summary.imported() + summary.updated();
                System.out.println(summary.line());
                System.out.printf(
                        "bench import: papers=%d seconds=%.2f papers/s=%.0f (%d cores)%n",
                        papers, seconds, papers / seconds, Runtime.getRuntime().availableProcessors());
                return 0;
            } finally {
                FileSystemUtils.deleteRecursively(home);
            }
        }
    }
}
