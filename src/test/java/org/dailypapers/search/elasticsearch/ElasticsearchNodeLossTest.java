package org.dailypapers.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dailypapers.ingest.DemoData;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.VectorStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A 3-node cluster, one replica per shard, loses a node to SIGKILL in the middle of indexing and searching: every
 * search keeps answering, and once the indexer has caught up every paper of the catalog is searchable with the
 * same top-10 lists as before the kill. The nodes (ports 9201-9203) are started and stopped here through
 * .ci/elasticsearch.sh; runs where the other Elasticsearch tests run.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfEnvironmentVariable(named = TestElasticsearch.URIS_VARIABLE, matches = ".+")
class ElasticsearchNodeLossTest {

    static final int[] PORTS = {9201, 9202, 9203};
    static final String PREFIX = TestElasticsearch.uniquePrefix("nodeloss");
    static final Path home = newHome();

    static Path newHome() {
        try {
            return Files.createTempDirectory("dailypapers-es-nodeloss-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.demo", () -> "false");
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.search.backend", () -> "elasticsearch");
        registry.add(
                "dailypapers.search.elasticsearch.uris",
                () -> "http://127.0.0.1:9201,http://127.0.0.1:9202,http://127.0.0.1:9203");
        registry.add("dailypapers.search.elasticsearch.index-prefix", () -> PREFIX);
        // One shard, so that BM25 statistics are the whole index's; its replica is on another node.
        registry.add("dailypapers.search.elasticsearch.shards", () -> "1");
        registry.add("dailypapers.search.elasticsearch.replicas", () -> "1");
        registry.add("dailypapers.search.background-indexing", () -> "false");
    }

    @Autowired
    DemoData demo;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    SearchService search;

    @Autowired
    PaperDocuments documents;

    @Autowired
    VectorStore vectors;

    @Autowired
    SearchSettings settings;

    @Autowired
    ElasticsearchHealthIndicator health;

    @BeforeAll
    void startCluster() throws Exception {
        String seeds = java.util.Arrays.stream(PORTS)
                .mapToObj(Integer::toString)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        for (int port : PORTS) {
            script("node", Integer.toString(port), "dailypapers-nodeloss", seeds);
        }
        script("wait", Integer.toString(PORTS[0]), Integer.toString(PORTS.length));
    }

    @AfterAll
    void stopCluster() throws Exception {
        try {
            documents.dropAll();
        } finally {
            for (int port : PORTS) {
                script("stop", Integer.toString(port));
            }
            FileSystemUtils.deleteRecursively(home.toFile());
        }
    }

    @Test
    void shouldKeepAnsweringWhenANodeDiesAndCatchUpToTheWholeCatalog() throws Exception {
        demo.load(ImportListener.NONE);
        long papers = catalog.counts().papers();
        assertThat(papers).isGreaterThan(3000);
        ElasticsearchIndexer first = indexer();
        first.catchUp();
        documents.client().cluster().health(h -> h.waitForStatus(HealthStatus.Green)
                .timeout(t -> t.time("120s")));
        assertThat(documents.count()).isEqualTo(papers);
        List<String> queries = List.of(
                "diffusion models for video generation",
                "large language model reasoning",
                "reinforcement learning from human feedback",
                "vision language models",
                "mixture of experts",
                "speculative decoding",
                "3d gaussian splatting",
                "retrieval augmented generation",
                "text to image",
                "code generation benchmark");
        Map<String, List<String>> before = topTens(queries);

        // Indexing again from the start (as an indexer that lost its place would), while readers search.
        String index = documents.concreteIndex();
        documents.commitSeq(index, 0);
        ElasticsearchIndexer restarted = indexer();
        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Throwable> searchFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> readers = pool.submit(() -> {
            int i = 0;
            while (searching.get()) {
                try {
                    SearchResult r =
                            search.search(SearchRequest.simple(queries.get(i++ % queries.size()), SearchMode.BM25, 10));
                    assertThat(r.hits()).isNotEmpty();
                    answered.incrementAndGet();
                } catch (Throwable t) {
                    searchFailure.compareAndSet(null, t);
                }
            }
        });
        int stepsBeforeKill = 3;
        int applied = 0;
        for (int s = 0; s < stepsBeforeKill; s++) {
            applied += restarted.catchUpStep();
        }
        assertThat(applied).as("the kill falls in the middle of indexing").isLessThan((int) papers);
        int answeredBeforeKill = answered.get();
        script("kill9", Integer.toString(PORTS[0]));
        // The indexer goes on as its loop would: a step that fails is tried again.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int failedSteps = 0;
        while (true) {
            try {
                if (restarted.catchUpStep() == 0) {
                    break;
                }
            } catch (RuntimeException e) {
                failedSteps++;
                assertThat(System.nanoTime()).as("catch-up within 3 minutes").isLessThan(deadline);
            }
        }
        // Searches go on a little after the catch-up, on the surviving nodes.
        int answeredAtCatchUp = answered.get();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> answered.get() > answeredAtCatchUp + 20);
        searching.set(false);
        readers.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(searchFailure.get()).as("every search answered").isNull();
        assertThat(answered.get()).isGreaterThan(answeredBeforeKill);
        documents.refresh(index);
        // Updates leave deleted copies that count in BM25 statistics; merged away, the statistics are as before.
        documents.client().indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
        documents.refresh(index);
        assertThat(documents.count()).isEqualTo(papers);
        assertThat(topTens(queries)).isEqualTo(before);
        assertThat(health.health().getStatus().getCode())
                .as("yellow (a replica lost with the node) is still UP")
                .isEqualTo("UP");
        System.out.printf(
                "node loss: %d searches answered (%d after the kill), %d failed indexing steps retried%n",
                answered.get(), answered.get() - answeredBeforeKill, failedSteps);
    }

    private ElasticsearchIndexer indexer() {
        return new ElasticsearchIndexer(catalog, vectors, settings, documents, null, false, () -> {
            throw new AssertionError("this test embeds nothing");
        });
    }

    private Map<String, List<String>> topTens(List<String> queries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String q : queries) {
            List<String> ids = new ArrayList<>();
            search.search(SearchRequest.simple(q, SearchMode.BM25, 10)).hits().forEach(h -> ids.add(h.id().id()));
            out.put(q, ids);
        }
        return out;
    }

    private static void script(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(".ci", "elasticsearch.sh").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
