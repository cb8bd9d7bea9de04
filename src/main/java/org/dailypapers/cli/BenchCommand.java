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
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.evaluation.ElasticsearchBenchmark;
import org.dailypapers.search.evaluation.SearchBenchmark;
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
            BenchScaleCommand.class,
            BenchSourcesCommand.class,
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
            description = {
                "Import FILE into a fresh embedded catalog (SQLite) in a temporary home; print papers/s.",
                "A second line imports it again into another fresh home with the search index following the"
                        + " catalog, as the import command does, and prints searchable/s: papers over the time"
                        + " until the last one is committed to the BM25 index."
            })
    static class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            importInto(false);
            importInto(true);
            return 0;
        }

        /**
         * Imports the file into a fresh home: the catalog alone, or with the search index following it as the
         * {@code import} command runs (then the time runs until the last paper is committed to the index).
         */
        private void importInto(boolean searchable) throws IOException {
            Path home = Files.createTempDirectory("dailypapers-bench-");
            try (var context = SpringContexts.start(
                    false, Map.of("dailypapers.home", home.toString(), "dailypapers.db-url", ""))) {
                PaperImporter importer = context.getBean(PaperImporter.class);
                long start = System.nanoTime();
                ImportSummary summary;
                try (var following = searchable
                        ? context.getBean(SearchMaintenance.class).followCatalog()
                        : SearchMaintenance.Following.NONE) {
                    summary = importer.importFiles(List.of(file), ImportListener.NONE);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long papers = summary.imported() + summary.updated();
                int cores = Runtime.getRuntime().availableProcessors();
                if (!searchable) {
                    System.out.println(summary.line());
                    System.out.printf(
                            "bench import: papers=%d seconds=%.2f papers/s=%.0f (%d cores)%n",
                            papers, seconds, papers / seconds, cores);
                    return;
                }
                System.out.printf(
                        "bench import: papers=%d seconds=%.2f searchable/s=%.0f indexed=%d (%d cores)%n",
                        papers,
                        seconds,
                        papers / seconds,
                        context.getBeanProvider(org.dailypapers.shared.StatisticsContributor.class)
                                .orderedStream()
                                .mapToLong(c -> c.statistics().getOrDefault("indexed", 0L))
                                .sum(),
                        cores);
            } finally {
                FileSystemUtils.deleteRecursively(home);
            }
        }
    }

    @Command(
            name = "http",
            mixinStandardHelpOptions = true,
            description = {
                "Load a running server on this machine with N concurrent keep-alive connections and print requests/s,"
                        + " p50, p99, max and errors by status for each target.",
                "Targets: daily, paper, search and api send one fixed URL each, so after the first answer in a"
                        + " page-cache window the signed-out page cache answers them (they measure the cache, and say"
                        + " so). fresh-search, fresh-bm25, fresh-api and fresh-hf send real paper titles from --titles,"
                        + " each once, to /search, /search?mode=bm25, /api/search?mode=bm25 and /api/papers/search:"
                        + " every answer is searched and rendered afresh. mixed sends reading traffic in the shares of"
                        + " --mix, its searches fresh titles too.",
                "Targets on 2 cores: fresh hybrid search pages >= 400 requests/s and BM25 >= 1,000, p99 <= 200 ms,"
                        + " max <= 1 s; mixed traffic at 100 connections: 0 errors, p99 <= 250 ms, max <= 1 s."
            })
    static class Http implements Callable<Integer> {

        private static final List<String> TARGETS = List.of(
                "daily",
                "paper",
                "search",
                "api",
                "fresh-search",
                "fresh-bm25",
                "fresh-api",
                "fresh-hf",
                "mixed",
                "none");

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
                names = {"--duration", "--seconds"},
                defaultValue = "20",
                description = "seconds per target at most (default: ${DEFAULT-VALUE})")
        double seconds;

        @Option(
                names = "--warmup",
                defaultValue = "3",
                description = "untimed seconds per target first, for the JIT; fresh targets warm up on titles they"
                        + " do not time (default: ${DEFAULT-VALUE})")
        double warmup;

        @Option(
                names = "--query",
                defaultValue = "diffusion models for video generation",
                description = "the fixed search target's query (default: ${DEFAULT-VALUE})")
        String query;

        @Option(
                names = "--paper",
                description = "arXiv id of the paper page (default: the first paper of /api/daily_papers)")
        @Nullable
        String paper;

        @Option(
                names = "--targets",
                split = ",",
                defaultValue = "daily,paper,search,api,fresh-search,fresh-bm25,fresh-api,fresh-hf,mixed",
                description = "which of " + "daily, paper, search, api, fresh-search, fresh-bm25, fresh-api, fresh-hf,"
                        + " mixed to load, or none (default: ${DEFAULT-VALUE})")
        List<String> only;

        @Option(
                names = "--titles",
                defaultValue = "../shared/data/arxiv-daily-cs/all_unique_papers_2025-03-18_to_2026-07-01.jsonl.gz",
                description = "JSON lines whose titles become the fresh queries, each sent once (default:"
                        + " ${DEFAULT-VALUE})")
        Path titlesFile;

        @Option(
                names = "--mix",
                defaultValue = HttpTraffic.Mix.DEFAULT,
                description = "shares of the mixed target in percent (default: ${DEFAULT-VALUE})")
        String mix;

        @Option(names = "--path", description = "also load this path, e.g. --path /trending (repeatable)")
        List<String> extraPaths = new java.util.ArrayList<>();

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
                throw new IllegalArgumentException("--connections, --requests and --duration must be positive");
            }
            for (String t : only) {
                if (!TARGETS.contains(t)) {
                    throw new IllegalArgumentException(
                            "--targets: unknown target '" + t + "'; use " + String.join(", ", TARGETS));
                }
            }
            HttpTraffic.Mix shares = HttpTraffic.Mix.parse(mix);
            HttpLoad load = new HttpLoad(base, connections, gzip);
            HttpTraffic.Titles titles = null;
            if (only.stream().anyMatch(t -> t.startsWith("fresh-") || t.equals("mixed"))) {
                if (!Files.isRegularFile(titlesFile)) {
                    throw new IllegalArgumentException("--titles: " + titlesFile + " is not a file");
                }
                titles = new HttpTraffic.Titles(HttpTraffic.titles(titlesFile, 42));
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
                    "%-12s %-48s %8s %6s %9s %8s %8s %8s  %s%n",
                    "target", "path", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms", "errors by status");
            int failed = 0;
            List<String> notes = new java.util.ArrayList<>();
            for (String t : only) {
                if (t.equals("none")) {
                    continue;
                }
                Target target = target(t, load, titles, shares);
                if (target == null) {
                    failed++;
                    continue;
                }
                failed += measure(load, target);
                if (target.note() != null && !notes.contains(target.note())) {
                    notes.add(target.note());
                }
            }
            for (String extra : extraPaths) {
                if (!extra.startsWith("/")) {
                    throw new IllegalArgumentException("--path: give a path that starts with /, got '" + extra + "'");
                }
                failed += measure(load, fixed(extra, extra));
            }
            notes.forEach(n -> System.out.println("note: " + n));
            if (titles != null) {
                System.out.println("note: " + titles.used() + " distinct titles sent in this run.");
            }
            return failed == 0 ? 0 : 1;
        }

        /** What one target sends: its warm-up and timed paths, and a note on what the figures mean. */
        private record Target(
                String name,
                String shown,
                HttpLoad.Paths warmUp,
                HttpLoad.Paths timed,
                String probe,
                @Nullable String note) {}

        private static final String CACHED_NOTE = "daily, paper, search and api send one URL each: after the first"
                + " answer in each page-cache window (dailypapers.web.page-cache-ttl, 5 s) the signed-out page cache"
                + " answers them, so they measure the cache, not rendering or search; the fresh-* targets measure"
                + " searches.";

        private static Target fixed(String name, String path) {
            return new Target(name, path, HttpLoad.Paths.fixed(path), HttpLoad.Paths.fixed(path), path, null);
        }

        private @Nullable Target target(
                String name, HttpLoad load, HttpTraffic.@Nullable Titles titles, HttpTraffic.Mix shares)
                throws IOException {
            String cachedSearch = "/search?q=" + HttpTraffic.param(query);
            return switch (name) {
                case "daily" -> cached(fixed("daily page", "/"));
                case "paper" -> {
                    String paperId = paper != null ? paper : firstPaper(load);
                    if (paperId == null) {
                        throw new IllegalStateException("the server's daily feed is empty; give a paper with --paper");
                    }
                    yield cached(fixed("paper page", "/papers/" + paperId));
                }
                case "search" -> cached(fixed("search page", cachedSearch));
                case "api" -> cached(fixed("api daily", "/api/daily_papers"));
                case "fresh-search" -> fresh("fresh search", "/search?q=", titles);
                case "fresh-bm25" -> fresh("fresh bm25", "/search?mode=bm25&q=", titles);
                case "fresh-api" -> fresh("fresh api", "/api/search?mode=bm25&q=", titles);
                case "fresh-hf" -> fresh("fresh hf api", "/api/papers/search?q=", titles);
                case "mixed" -> {
                    HttpTraffic.Site site = HttpTraffic.Site.discover(load);
                    yield new Target(
                            "mixed",
                            shares.describe(),
                            HttpTraffic.mixed(shares, site, titles, connections),
                            HttpTraffic.mixed(shares, site, titles, connections),
                            site.dayPaths().getFirst(),
                            "mixed: day, paper, api and feed requests pick among "
                                    + site.dayPaths().size()
                                    + " day pages, " + site.paperPaths().size() + " papers and "
                                    + site.feedPaths().size() + " feeds (page cache on, as readers get them);"
                                    + " searches are fresh titles.");
                }
                default -> throw new IllegalArgumentException("--targets: unknown target '" + name + "'");
            };
        }

        private static Target cached(Target t) {
            return new Target(t.name() + "*", t.shown(), t.warmUp(), t.timed(), t.probe(), "* " + CACHED_NOTE);
        }

        private Target fresh(String name, String prefix, HttpTraffic.@Nullable Titles titles) {
            String probe = titles.next();
            return new Target(
                    name,
                    prefix + "TITLE",
                    titles.paths(prefix),
                    titles.paths(prefix),
                    prefix + HttpTraffic.param(probe == null ? query : probe),
                    "fresh targets and mixed searches send distinct real titles from " + titlesFile
                            + ", none twice in a run; the warm-up takes titles of its own.");
        }

        /** Returns 1 when the target failed or had errors. */
        private int measure(HttpLoad load, Target t) throws IOException, InterruptedException {
            HttpLoad.Response probe = load.fetch(t.probe());
            if (probe.status() != 200) {
                System.out.printf("%-12s %-48s skipped: HTTP %d%n", t.name(), abbreviate(t.shown()), probe.status());
                return 1;
            }
            if (warmup > 0) {
                load.run(t.warmUp(), Long.MAX_VALUE, (long) (warmup * 1e9));
            }
            HttpLoad.Result r = load.run(t.timed(), requests, (long) (seconds * 1e9));
            System.out.printf(
                    "%-12s %-48s %8d %6d %9.0f %8.1f %8.1f %8.1f  %s%n",
                    t.name(),
                    abbreviate(t.shown()),
                    r.requests(),
                    r.errors(),
                    r.requestsPerSecond(),
                    r.percentileMillis(50),
                    r.percentileMillis(99),
                    r.percentileMillis(100),
                    r.errorSummary());
            return r.errors() > 0 ? 1 : 0;
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
                names = "--backend",
                defaultValue = "lucene",
                description = "lucene (embedded), elasticsearch (DAILYPAPERS_ES_URIS) or both, side by side with their"
                        + " ratio (default: ${DEFAULT-VALUE})")
        String backend;

        @Option(
                names = "--no-embed",
                description = "measure with the vectors stored so far instead of embedding every paper first")
        boolean noEmbed;

        @Option(
                names = "--rank-only",
                description = "only the rankings, not the full /api/search answers (which count every match for the"
                        + " facets: slow on millions of papers)")
        boolean rankOnly;

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
                if (!List.of("lucene", "elasticsearch", "both").contains(backend)) {
                    throw new IllegalArgumentException(
                            "--backend must be lucene, elasticsearch or both, not '" + backend + "'");
                }
                List<SearchMode> modes = mode == null ? List.of(SearchMode.values()) : List.of(mode);
                boolean both = backend.equals("both");
                Map<SearchMode, SearchBenchmark.Latency> embedded = new java.util.EnumMap<>(SearchMode.class);
                if (!backend.equals("elasticsearch")) {
                    for (SearchMode m : modes) {
                        SearchBenchmark.Latency l = bench.latency(m, titles, warmUp);
                        embedded.put(m, l);
                        System.out.println((both ? "lucene " : "") + l.line());
                    }
                }
                if (!backend.equals("lucene")) {
                    try (ElasticsearchBenchmark.Session es =
                            context.getBean(ElasticsearchBenchmark.class).open()) {
                        ConsoleBar bar = new ConsoleBar(System.err, "elasticsearch bulk");
                        ElasticsearchBenchmark.Bulk bulk = es.index(bar::update);
                        bar.finish();
                        System.out.println(bulk.line());
                        for (SearchMode m : modes) {
                            SearchBenchmark.Latency l = es.latency(m, titles, warmUp);
                            System.out.println((both ? "elasticsearch " : "") + l.line());
                            SearchBenchmark.Latency e = embedded.get(m);
                            if (e != null) {
                                System.out.printf(
                                        java.util.Locale.ROOT,
                                        "ratio elasticsearch/lucene %s p50=%.2fx p99=%.2fx%n",
                                        m.apiName(),
                                        l.p50Millis() / e.p50Millis(),
                                        l.p99Millis() / e.p99Millis());
                            }
                        }
                        if (both) {
                            // The measure of equality: identical BM25 lists on one shard, and how much of
                            // each top 10 the other backend also returns (hybrid differs where approximate kNN does).
                            int identical = 0;
                            double bm25Overlap = 0;
                            double hybridOverlap = 0;
                            for (String t : titles) {
                                List<String> lucene = bench.topTen(t, SearchMode.BM25);
                                List<String> elastic = es.topTen(t, SearchMode.BM25);
                                if (lucene.equals(elastic)) {
                                    identical++;
                                }
                                bm25Overlap += overlap(lucene, elastic);
                                hybridOverlap +=
                                        overlap(bench.topTen(t, SearchMode.HYBRID), es.topTen(t, SearchMode.HYBRID));
                            }
                            System.out.printf(
                                    java.util.Locale.ROOT,
                                    "overlap bm25_identical=%d/%d bm25_overlap@10=%.4f hybrid_overlap@10=%.4f (%d"
                                            + " title queries, elasticsearch vs lucene, one shard)%n",
                                    identical,
                                    titles.size(),
                                    bm25Overlap / titles.size(),
                                    hybridOverlap / titles.size(),
                                    titles.size());
                        }
                    }
                }
                // What a reader's /api/search costs beyond the ranking: the same titles, answered in full. The
                // remembered query vectors of the lines above are not reused: each line has an engine of its own.
                if (!backend.equals("elasticsearch") && !rankOnly) {
                    for (SearchMode m : modes) {
                        System.out.println((both ? "lucene " : "")
                                + bench.latency(m, true, titles, warmUp).line());
                    }
                }
                if (texts > 0) {
                    List<String> abstracts =
                            sample.stream().limit(texts).map(s -> s[1]).toList();
                    System.out.println(bench.throughput(abstracts).line());
                }
                return 0;
            }
        }

        /** Share of the first list's ids that the second has too; two empty lists agree. */
        private static double overlap(List<String> first, List<String> second) {
            if (first.isEmpty()) {
                return second.isEmpty() ? 1 : 0;
            }
            return (double) first.stream().filter(second::contains).count() / first.size();
        }
    }
}
