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
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.IndexInUseException;
import org.dailypapers.search.SearchBenchmark;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.SearchMode;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints its figures on standard output.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Search.class})
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

    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description = {
                "Search latency per mode (p50, p99) over titles drawn from the corpus, and embedding throughput of our"
                        + " embedder next to the stock langchain4j class on the same abstracts.",
                "The corpus is imported, indexed and embedded once into --home and reused by later runs; embedding"
                        + " every paper takes hours on 2 cores the first time, and resumes where it stopped."
            })
    static class Search implements Callable<Integer> {

        @Option(
                names = "--home",
                defaultValue = "./data/bench-search",
                description = "persistent home of the" + " benchmark's catalog and index (default: ${DEFAULT-VALUE})")
        Path home;

        @Option(
                names = "--corpus",
                defaultValue = "../shared/data/arxiv-daily-cs/all_unique_papers_2025-03-18_to_2026-07-01.jsonl.gz",
                description = "papers to import into an empty home (default: ${DEFAULT-VALUE})")
        Path corpus;

        @Option(names = "--queries", defaultValue = "1000", description = "title queries per mode")
        int queries;

        @Option(names = "--texts", defaultValue = "1000", description = "abstracts for the throughput comparison")
        int texts;

        @Option(names = "--mode", description = "measure only this mode (bm25, dense or hybrid); all three by default")
        SearchMode mode;

        @Option(
                names = "--no-embed",
                description = "measure with the vectors stored so far instead of embedding every paper first")
        boolean noEmbed;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(home);
            try (var context = SpringContexts.start(
                    false,
                    Map.of(
                            "dailypapers.home", home.toAbsolutePath().toString(),
                            "dailypapers.db-url", "",
                            "dailypapers.search.background-indexing", "false"))) {
                PaperCatalog catalog = context.getBean(PaperCatalog.class);
                if (catalog.counts().papers() == 0) {
                    ConsoleProgress progress = new ConsoleProgress(System.err);
                    ImportSummary summary = context.getBean(PaperImporter.class).importFiles(List.of(corpus), progress);
                    progress.finish();
                    System.out.println(summary.line());
                }
                SearchMaintenance maintenance = context.getBean(SearchMaintenance.class);
                SearchBenchmark bench = context.getBean(SearchBenchmark.class);
                try {
                    maintenance.catchUp();
                    if (!noEmbed) {
                        ConsoleBar bar = new ConsoleBar(System.err, "embedding");
                        maintenance.embedMissing(bar::update);
                        bar.finish();
                    }
                } catch (IndexInUseException e) {
                    System.out.println("note: " + e.getMessage() + "; measuring its last commit");
                }
                SearchBenchmark.IndexState state = bench.state();
                System.out.printf(
                        "bench search: papers=%d indexed=%d embedded=%d (%d cores)%n",
                        catalog.counts().papers(),
                        state.indexed(),
                        state.embedded(),
                        Runtime.getRuntime().availableProcessors());
                List<String[]> sample = bench.sample(Math.max(queries, texts), 42);
                List<String> titles =
                        sample.stream().limit(queries).map(s -> s[0]).toList();
                for (SearchMode m : mode == null ? List.of(SearchMode.values()) : List.of(mode)) {
                    System.out.println(bench.latency(m, titles).line());
                }
                if (texts > 0) {
                    List<String> abstracts =
                            sample.stream().limit(texts).map(s -> s[1]).toList();
                    System.out.println(bench.throughput(abstracts).line());
                }
                return 0;
            }
        }
    }
}
