package org.dailypapers.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.evaluation.ScaleBenchmark;
import org.dailypapers.search.evaluation.SearchBenchmark;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = {
            "Builds catalogs of N papers from the real arXiv records (see --corpus; ids 9MMM.NNNNN that no real"
                    + " paper has, titles and abstracts of two real records joined half and half, vectors from the"
                    + " real bge embeddings of their titles plus a little noise) and measures each size.",
            "One line per size: scale papers=N import/s=N searchable/s=N vectors/s=N disk_mb=N heap_mb=N rss_mb=N"
                    + " bm25_p50=X bm25_p99=X hybrid_p50=X hybrid_p99=X recall@10=0.xx daily_p99=X search_p99=X"
                    + " (milliseconds), then dense_p50=X dense_p99=X daily_p50=X daily_max=X"
                    + " search_p50=X search_max=X.",
            "import/s: catalog import with the BM25 index following it (as the import command runs);"
                    + " searchable/s: papers over the time until the last one is committed to the BM25 index;"
                    + " vectors/s: a reindex with every vector stored (BM25 and the HNSW graph together); disk_mb: the"
                    + " index folder; heap_mb: the most heap in use after a collection; rss_mb: peak resident memory"
                    + " of this process; latencies over --queries real titles in the process; recall@10: the dense"
                    + " search against an exact scan, over --recall-queries titles; daily_p99 and search_p99: the"
                    + " daily page and fresh /search?q=TITLE pages through HTTP with the page cache off."
        })
class BenchScaleCommand implements Callable<Integer> {

    @Option(
            names = "--papers",
            split = ",",
            defaultValue = "100000",
            description = "catalog sizes, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(
            names = "--home",
            defaultValue = "./data/bench-scale",
            description = "folder for the generated files and one home per size (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(
            names = "--corpus",
            defaultValue = "../shared/data/arxiv-daily-cs/all_unique_papers_2025-03-18_to_2026-07-01.jsonl.gz",
            description =
                    "the real records (arXiv daily listings) the catalogs are made from (default: ${DEFAULT-VALUE})")
    Path corpus;

    @Option(
            names = "--daily",
            defaultValue = "../shared/data/hf-daily-papers/Paper_metadata_download",
            description = "Hugging Face daily_papers files imported first, so the daily page shows real days (default:"
                    + " ${DEFAULT-VALUE})")
    Path daily;

    @Option(names = "--queries", defaultValue = "1000", description = "title queries per mode")
    int queries;

    @Option(names = "--recall-queries", defaultValue = "200", description = "title queries for recall@10")
    int recallQueries;

    @Option(names = "--http-seconds", defaultValue = "15", description = "seconds per HTTP target")
    int httpSeconds;

    @Option(names = "--connections", defaultValue = "8", description = "HTTP connections")
    int connections;

    @Option(
            names = "--vector-format",
            description = "float, int8, int4 or bbq (default: the setting dailypapers.search.vector-format)")
    String vectorFormat;

    @Option(
            names = "--sources",
            defaultValue = "0",
            description = "use only the first N real records (after the fixed shuffle), for a quick run; 0: all")
    int sourceLimit;

    @Option(names = "--keep", description = "keep each size's home (default: removed after its line)")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(corpus)) {
            throw new IllegalArgumentException("--corpus: " + corpus + " is not a file");
        }
        Files.createDirectories(root);
        ScaleCorpus source = ScaleCorpus.read(corpus, sourceLimit);
        List<String> titles = HttpTraffic.titles(corpus, 42);
        System.out.printf(
                "bench scale: %d real records, sizes %s, %d cores, max heap %d MB%n",
                source.sources(),
                sizes,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<float[]> titleVectors = titleVectors(source);
        for (int n : sizes) {
            System.out.println(measure(n, source, titleVectors, titles));
        }
        return 0;
    }

    /** Real embeddings of the source titles, computed once and cached under --home. */
    private List<float[]> titleVectors(ScaleCorpus source) throws IOException {
        Path home = root.resolve("embedding");
        try (var context = SpringContexts.start(false, properties(home))) {
            ConsoleBar bar = new ConsoleBar(System.err, "embedding source titles");
            List<float[]> vectors = context.getBean(ScaleBenchmark.class)
                    .embed(source.titles(), root.resolve("title-vectors.bin"), bar::update);
            bar.finish();
            return vectors;
        } finally {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    private Map<String, Object> properties(Path home) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dailypapers.home", home.toAbsolutePath().toString());
        p.put("dailypapers.db-url", "");
        p.put("dailypapers.search.background-indexing", "false");
        p.put("dailypapers.summary.background", "false");
        if (vectorFormat != null) {
            p.put("dailypapers.search.vector-format", vectorFormat);
        }
        return p;
    }

    private String measure(int n, ScaleCorpus source, List<float[]> titleVectors, List<String> titles)
            throws Exception {
        Path file = root.resolve("papers-" + n + ".jsonl.gz");
        if (!Files.isRegularFile(file)) {
            System.err.println("writing " + file);
            source.write(n, file);
        }
        Path home = root.resolve("home-" + n);
        FileSystemUtils.deleteRecursively(home);
        Files.createDirectories(home);
        Memory memory = new Memory();
        List<String> httpTitles;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("papers", Integer.toString(n));
        try (var context = SpringContexts.start(false, properties(home))) {
            PaperImporter importer = context.getBean(PaperImporter.class);
            if (Files.isDirectory(daily)) {
                try (Stream<Path> files = Files.list(daily)) {
                    importer.importFiles(
                            files.filter(f -> f.toString().endsWith(".json"))
                                    .sorted()
                                    .toList(),
                            ImportListener.NONE);
                }
            }
            SearchMaintenance maintenance = context.getBean(SearchMaintenance.class);
            maintenance.catchUp();
            memory.reset();
            long start = System.nanoTime();
            long imported;
            long importNanos;
            try (var following = maintenance.followCatalog()) {
                var summary = importer.importFiles(List.of(file), new ConsoleProgress(System.err));
                imported = summary.imported() + summary.updated();
                importNanos = System.nanoTime() - start;
            }
            long searchableNanos = System.nanoTime() - start;
            figures.put("import/s", rate(imported, importNanos));
            figures.put("searchable/s", rate(imported, searchableNanos));

            ScaleBenchmark scale = context.getBean(ScaleBenchmark.class);
            ConsoleBar storing = new ConsoleBar(System.err, "storing vectors");
            scale.storeVectors(
                    id -> {
                        int paper = ScaleCorpus.paperOf(id);
                        return paper < 0 || paper >= n ? null : source.vector(paper, titleVectors);
                    },
                    storing::update);
            storing.finish();
            ConsoleBar indexing = new ConsoleBar(System.err, "reindex with vectors");
            long t0 = System.nanoTime();
            long indexed = maintenance.rebuild(indexing::update);
            long vectorNanos = System.nanoTime() - t0;
            indexing.finish();
            figures.put("vectors/s", rate(indexed, vectorNanos));
            figures.put("disk_mb", Long.toString(sizeOf(home.resolve("index")) >> 20));

            SearchBenchmark bench = context.getBean(SearchBenchmark.class);
            // Each mode gets titles of its own: the engine caches query vectors, so hybrid timed on the titles
            // dense had just embedded would leave out the query embedding it must include.
            int used = 0;
            for (SearchMode mode : List.of(SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID)) {
                List<String> warmUp = slice(titles, used, 100);
                List<String> timed = slice(titles, used + warmUp.size(), queries);
                used += warmUp.size() + timed.size();
                SearchBenchmark.Latency l = bench.latency(mode, timed, warmUp);
                figures.put(mode.apiName() + "_p50", millis(l.p50Millis()));
                figures.put(mode.apiName() + "_p99", millis(l.p99Millis()));
            }
            figures.put(
                    "recall@10",
                    String.format(Locale.ROOT, "%.3f", scale.recallAtTen(slice(titles, used, recallQueries))));
            used += recallQueries;
            httpTitles = slice(titles, used, titles.size());
        }
        figures.put("heap_mb", Long.toString(memory.peakHeapAfterCollection() >> 20));
        http(home, httpTitles, figures);
        figures.put("rss_mb", Long.toString(Memory.peakResident() >> 20));
        if (!keep) {
            FileSystemUtils.deleteRecursively(home);
        }
        StringBuilder line = new StringBuilder("scale");
        for (String key : List.of(
                "papers",
                "import/s",
                "searchable/s",
                "vectors/s",
                "disk_mb",
                "heap_mb",
                "rss_mb",
                "bm25_p50",
                "bm25_p99",
                "hybrid_p50",
                "hybrid_p99",
                "recall@10",
                "daily_p99",
                "search_p99",
                // after the fields, so that a reader of its line finds them where it names them
                "dense_p50",
                "dense_p99",
                "daily_p50",
                "daily_max",
                "search_p50",
                "search_max")) {
            line.append(' ').append(key).append('=').append(figures.getOrDefault(key, "-"));
        }
        return line.toString();
    }

    /** The daily page and fresh search pages through HTTP, the page cache off, on a server started here. */
    private void http(Path home, List<String> titles, Map<String, String> figures) throws Exception {
        Map<String, Object> p = properties(home);
        p.put("server.port", "0");
        p.put("dailypapers.web.page-cache-ttl", "0s");
        p.put("dailypapers.base-url", "http://127.0.0.1");
        try (var context = SpringContexts.start(true, p)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpLoad load = new HttpLoad(URI.create("http://127.0.0.1:" + port), connections, false);
            long seconds = TimeUnit.SECONDS.toNanos(httpSeconds);
            load.run("/", 200, seconds);
            HttpLoad.Result daily = load.run("/", Long.MAX_VALUE, seconds);
            HttpTraffic.Titles fresh = new HttpTraffic.Titles(titles);
            load.run(fresh.paths("/search?q="), 100, seconds);
            HttpLoad.Result search = load.run(fresh.paths("/search?q="), Long.MAX_VALUE, seconds);
            figures.put("daily_p99", millis(daily.percentileMillis(99)) + errors(daily));
            figures.put("search_p99", millis(search.percentileMillis(99)) + errors(search));
            figures.put("daily_p50", millis(daily.percentileMillis(50)));
            figures.put("daily_max", millis(daily.percentileMillis(100)));
            figures.put("search_p50", millis(search.percentileMillis(50)));
            figures.put("search_max", millis(search.percentileMillis(100)));
        }
    }

    /** Up to {@code count} titles from {@code from} on (fewer, or none, where the list ends). */
    private static List<String> slice(List<String> titles, int from, int count) {
        int start = Math.min(from, titles.size());
        return titles.subList(start, Math.min(titles.size(), start + count));
    }

    private static String errors(HttpLoad.Result r) {
        return r.errors() == 0 ? "" : "(errors=" + r.errors() + ")";
    }

    private static String rate(long papers, long nanos) {
        return Long.toString(Math.round(papers / (nanos / 1e9)));
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static long sizeOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    /** Peak memory: heap in use right after each collection (live data, not garbage), and resident set size. */
    static final class Memory {
        private final java.util.Set<String> heapPools = new java.util.HashSet<>();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        Memory() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(this::collected, null, null);
                }
            }
        }

        private void collected(javax.management.Notification notification, Object handback) {
            if (!notification
                    .getType()
                    .equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long used = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }

        void reset() {
            peak.set(0);
            try {
                // 5 resets the kernel's peak resident size (VmHWM) of this process.
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (IOException | RuntimeException e) {
                // not Linux, or not allowed: the peak then covers the whole run
            }
        }

        long peakHeapAfterCollection() {
            return peak.get();
        }

        static long peakResident() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return 0;
        }
    }
}
