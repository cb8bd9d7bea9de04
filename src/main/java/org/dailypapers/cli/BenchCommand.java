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
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints its figures on standard output.",
        subcommands = {
            BenchCommand.Import.class,
            BenchCommand.Search.class,
            BenchCommand.Http.class,
            BenchSummariesCommand.class
        })
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
            name = "http",
            mixinStandardHelpOptions = true,
            description = {
                "Load a running server on this machine with N concurrent keep-alive connections and print requests/s"
                        + " and latency percentiles of the daily page, a paper page, a search page and"
                        + " /api/daily_papers.",
                "Targets on 2 cores: >= 1,000 requests/s and p99 <= 50 ms for the daily page and the API;"
                        + " p99 <= 100 ms for search pages."
            })
    static class Http implements Callable<Integer> {

        @Option(
                names = "--url",
                defaultValue = "http://localhost:8080",
                description = "server (default: ${DEFAULT-VALUE})")
        String url;

        @Option(
                names = "--connections",
                defaultValue = "32",
                description = "concurrent connections (default: ${DEFAULT-VALUE})")
        int connections;

        @Option(
                names = "--requests",
                defaultValue = "20000",
                description = "requests per target at most (default: ${DEFAULT-VALUE})")
        long requests;

        @Option(
                names = "--seconds",
                defaultValue = "20",
                description = "seconds per target at most (default: ${DEFAULT-VALUE})")
        double seconds;

        @Option(
                names = "--warmup",
                defaultValue = "3",
                description = "untimed seconds per target first, for the JIT (default: ${DEFAULT-VALUE})")
        double warmup;

        @Option(
                names = "--query",
                defaultValue = "diffusion models for video generation",
                description = "search page query (default: ${DEFAULT-VALUE})")
        String query;

        @Option(
                names = "--paper",
                description = "arXiv id of the paper page (default: the first paper of /api/daily_papers)")
        @Nullable
        String paper;

        @Option(
                names = "--targets",
                split = ",",
                defaultValue = "daily,paper,search,api",
                description = "which of daily, paper, search, api to load, or none (default: ${DEFAULT-VALUE})")
        java.util.List<String> only;

        @Option(names = "--path", description = "also load this path, e.g. --path /trending (repeatable)")
        java.util.List<String> extraPaths = new java.util.ArrayList<>();

        @Option(names = "--gzip", description = "ask for gzip-compressed answers, as browsers do (off: plain answers)")
        boolean gzip;

        @Option(
                names = "--allow-remote",
                description = "allow a server that is not on this machine (off: load tests only hit loopback)")
        boolean allowRemote;

        @Override
        public Integer call() throws Exception {
            java.net.URI base = java.net.URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (base.getHost() == null) {
                throw new IllegalArgumentException("--url: not an http URL: " + url);
            }
            if (!allowRemote && !java.net.InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("--url: " + base.getHost() + " is not this machine; pass"
                        + " --allow-remote to load another server");
            }
            if (connections < 1 || requests < 1 || seconds <= 0) {
                throw new IllegalArgumentException("--connections, --requests and --seconds must be positive");
            }
            HttpLoad load = new HttpLoad(base, connections, gzip);
            for (String t : only) {
                if (!java.util.List.of("daily", "paper", "search", "api", "none")
                        .contains(t)) {
                    throw new IllegalArgumentException(
                            "--targets: unknown target '" + t + "'; use daily, paper, search, api or none");
                }
            }
            java.util.Map<String, String> targets = new java.util.LinkedHashMap<>();
            if (only.contains("daily")) {
                targets.put("daily page", "/");
            }
            if (only.contains("paper")) {
                String paperId = paper != null ? paper : firstPaper(load);
                if (paperId == null) {
                    throw new IllegalStateException("the server's daily feed is empty; give a paper with --paper");
                }
                targets.put("paper page", "/papers/" + paperId);
            }
            if (only.contains("search")) {
                targets.put(
                        "search page",
                        "/search?q="
                                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
            }
            if (only.contains("api")) {
                targets.put("api daily", "/api/daily_papers");
            }
            for (String extra : extraPaths) {
                if (!extra.startsWith("/")) {
                    throw new IllegalArgumentException("--path: give a path that starts with /, got '" + extra + "'");
                }
                targets.put(extra, extra);
            }
            System.out.printf(
                    "bench http: %s connections=%d%s requests<=%d seconds<=%.0f warmup=%.0fs (%d cores here)%n",
                    base,
                    connections,
                    gzip ? " gzip" : "",
                    requests,
                    seconds,
                    warmup,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "%-12s %-48s %8s %6s %9s %8s %8s %8s%n",
                    "target", "path", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms");
            int failed = 0;
            for (var t : targets.entrySet()) {
                HttpLoad.Response probe = load.fetch(t.getValue());
                if (probe.status() != 200) {
                    System.out.printf(
                            "%-12s %-48s skipped: HTTP %d%n", t.getKey(), abbreviate(t.getValue()), probe.status());
                    failed++;
                    continue;
                }
                if (warmup > 0) {
                    load.run(t.getValue(), Long.MAX_VALUE, (long) (warmup * 1e9));
                }
                HttpLoad.Result r = load.run(t.getValue(), requests, (long) (seconds * 1e9));
                System.out.printf(
                        "%-12s %-48s %8d %6d %9.0f %8.1f %8.1f %8.1f%n",
                        t.getKey(),
                        abbreviate(t.getValue()),
                        r.requests(),
                        r.errors(),
                        r.requestsPerSecond(),
                        r.percentileMillis(50),
                        r.percentileMillis(99),
                        r.percentileMillis(100));
                if (r.errors() > 0) {
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }

        private static String abbreviate(String path) {
            return path.length() <= 48 ? path : path.substring(0, 45) + "...";
        }

        /** The first paper of the daily feed, read from the API without a JSON library round trip. */
        private static @Nullable String firstPaper(HttpLoad load) throws IOException {
            HttpLoad.Response r = load.fetch("/api/daily_papers?limit=1");
            if (r.status() != 200) {
                throw new IOException(
                        "/api/daily_papers answered HTTP " + r.status() + "; is this a dailypapers server?");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"paper\":\\{\"id\":\"([^\"]+)\"")
                    .matcher(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
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
                int warmUps = 100;
                List<String[]> sample = bench.sample(Math.max(queries, texts) + warmUps, 42);
                List<String> titles =
                        sample.stream().limit(queries).map(s -> s[0]).toList();
                List<String> warmUp = sample.subList(Math.max(0, sample.size() - warmUps), sample.size()).stream()
                        .map(s -> s[0])
                        .filter(t -> !titles.contains(t))
                        .toList();
                for (SearchMode m : mode == null ? List.of(SearchMode.values()) : List.of(mode)) {
                    System.out.println(bench.latency(m, titles, warmUp).line());
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
