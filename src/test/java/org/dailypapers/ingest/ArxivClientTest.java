package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The Atom API client against a local server replaying arXiv's recorded answers. */
class ArxivClientTest {

    private static final Path GOLDEN = SharedData.atom("arxiv-py-golden-2026").resolve("bodies");
    private static final Path PAGINATED = SharedData.atom("cs-query-paginated-2025-12");

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ReplayServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ArxivClient client(ReplayServer s, Duration interval) {
        return client(s, interval, DataSize.ofMegabytes(64));
    }

    private ArxivClient client(ReplayServer s, Duration interval, DataSize maxResponse) {
        ArxivProperties properties = new ArxivProperties(
                s.url("/oai2"),
                s.url("/api/query"),
                interval,
                "-",
                "cs",
                "arXivRaw",
                3,
                Duration.ofMinutes(1),
                Duration.ofSeconds(20),
                100,
                Duration.ofHours(1),
                maxResponse,
                Duration.ofSeconds(3),
                Duration.ofSeconds(10));
        return new ArxivClient(properties, PoliteHttp.of(properties, sleeper), null);
    }

    private static ReplayServer.Reply golden(String name) {
        return ReplayServer.Reply.ok(SharedData.bytes(GOLDEN.resolve(name)));
    }

    @Test
    void shouldFetchOnePaperWithVersionCategoriesAndDates() throws Exception {
        server = new ReplayServer(r -> golden("id_2104.12255v1_s0_m100_6ae69987ffe1.xml"));
        Paper paper =
                client(server, Duration.ZERO).fetch(ArxivId.of("2104.12255v1")).orElseThrow();

        assertThat(paper.id().id()).isEqualTo("2104.12255");
        assertThat(paper.version()).isEqualTo(1);
        assertThat(paper.title()).isEqualTo("0");
        assertThat(paper.authors()).containsExactly("Quan Thoi Minh Nguyen");
        assertThat(paper.categories()).containsExactly("cs.CR");
        assertThat(paper.publishedAt()).isEqualTo(Instant.parse("2021-04-20T16:07:14Z"));
        assertThat(paper.abstractText()).startsWith("What is the funniest number in cryptography?");
        assertThat(server.requests().getFirst().param("id_list")).isEqualTo("2104.12255v1");
    }

    @Test
    void shouldGiveUpOnASilentArxivWithinTheAnswerTimeoutWhenAUserWaits() throws Exception {
        // a server that accepts connections and never answers, as a hung arXiv does
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                        connections.incrementAndGet();
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            String base = "http://127.0.0.1:" + silent.getLocalPort();
            ArxivProperties properties = new ArxivProperties(
                    base + "/oai2",
                    base + "/api/query",
                    Duration.ZERO,
                    "-",
                    "cs",
                    "arXivRaw",
                    5,
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(20),
                    100,
                    Duration.ofHours(1),
                    DataSize.ofMegabytes(64),
                    Duration.ofMillis(300),
                    Duration.ofMillis(700));
            ArxivClient client = new ArxivClient(properties, PoliteHttp.of(properties, sleeper), null);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.fetchWhileUserWaits(ArxivId.of("2104.12255")))
                    .isInstanceOf(ArxivException.class)
                    .hasMessageContaining("did not answer within 700 ms")
                    .hasMessageContaining("dailypapers.arxiv.answer-timeout");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // one attempt, not the patient path's five with retries
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(connections.get()).isEqualTo(1);
            for (java.net.Socket s : held) {
                s.close();
            }
            acceptor.interrupt();
        }
    }

    @Test
    void shouldLeaveOutIdsArxivDoesNotKnow() throws Exception {
        server = new ReplayServer(r -> switch (r.param("id_list")) {
            case "0000.0000" -> golden("id_0000.0000_s0_m100_8b51d9633a68.xml");
            case "0808.05394,1707.08567" -> golden("id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml");
            default -> ReplayServer.Reply.status(404, Map.of());
        });
        ArxivClient client = client(server, Duration.ZERO);

        // arXiv's own "no such paper" answer; the id is not even valid, so it is built without parsing
        assertThat(client.fetch(new ArxivId("0000.0000", 0))).isEmpty();
        List<Paper> found = client.fetchAll(List.of(ArxivId.of("0808.05394"), ArxivId.of("1707.08567")));
        assertThat(found).extracting(p -> p.id().id()).containsExactly("1707.08567");
    }

    @Test
    void shouldReportArxivErrorEntryWithItsMessage() throws Exception {
        byte[] body = SharedData.bytes(GOLDEN.resolve("id_abc_s0_m100_b79c8dcf6bc3.xml"));
        server = new ReplayServer(r -> new ReplayServer.Reply(400, Map.of(), body));

        assertThatThrownBy(() -> client(server, Duration.ZERO).search("id:abc", 0, 10))
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining("incorrect id format for abc")
                .hasMessageContaining(server.url("/api/query"))
                .extracting(e -> ((ArxivException) e).code())
                .isEqualTo("incorrect_id_format_for_abc");
    }

    @Test
    void shouldLookUpAtMostOneHundredIdsPerRequest() throws Exception {
        List<Path> pages = List.of(
                PAGINATED.resolve("arxiv_raw_0.xml"),
                PAGINATED.resolve("arxiv_raw_100.xml"),
                PAGINATED.resolve("arxiv_raw_200.xml"));
        List<ArxivId> ids = new ArrayList<>();
        for (Path page : pages) {
            ids.addAll(entryIds(page));
        }
        server = new ReplayServer(r -> {
            String first = r.param("id_list").split(",")[0];
            for (Path page : pages) {
                if (entryIds(page).getFirst().versioned().equals(first)) {
                    return ReplayServer.Reply.ok(SharedData.bytes(page));
                }
            }
            return ReplayServer.Reply.status(404, Map.of());
        });

        List<Paper> papers = client(server, Duration.ZERO).fetchAll(ids);

        assertThat(ids).hasSize(300);
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.param("id_list").split(",")).hasSize(100));
        assertThat(papers)
                .extracting(p -> p.id().id())
                .containsExactlyElementsOf(ids.stream().map(ArxivId::id).toList());
    }

    @Test
    void shouldAnswerRepeatedLookupsFromTheCache() throws Exception {
        server = new ReplayServer(r -> golden("id_1707.08567_s0_m100_6a1afebfc6a3.xml"));
        ArxivClient client = client(server, Duration.ZERO);

        Paper first = client.fetch(ArxivId.of("1707.08567")).orElseThrow();
        Paper again = client.fetch(ArxivId.of("1707.08567")).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldSearchAndReportTotals() throws Exception {
        server = new ReplayServer(r -> golden("q_testing_s0_m10_bc5a6c384fe9.xml"));
        ArxivSearchResult result = client(server, Duration.ZERO).search("testing", 0, 10);

        assertThat(result.totalResults()).isEqualTo(214881);
        assertThat(result.startIndex()).isZero();
        assertThat(result.papers()).hasSize(10).allSatisfy(p -> assertThat(p.title())
                .isNotBlank());
        assertThat(server.requests().getFirst().param("search_query")).isEqualTo("testing");
    }

    @Test
    void shouldReadTheLegacy2016Shape() throws Exception {
        server = new ReplayServer(r -> ReplayServer.Reply.ok(
                SharedData.bytes(SharedData.atom("arxiv-py-legacy-2016/id_list_1111.2011v2.xml"))));
        Paper paper =
                client(server, Duration.ZERO).fetch(ArxivId.of("1111.2011v2")).orElseThrow();

        assertThat(paper.version()).isEqualTo(2);
        assertThat(paper.title())
                .isEqualTo("Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
        assertThat(paper.authors()).containsExactly("James M. Murray", "Adrian Del Maestro", "Zlatko Tesanovic");
        assertThat(paper.doi()).isEqualTo("10.1103/PhysRevB.85.115117");
        assertThat(paper.comments()).isEqualTo("8 pages, 3 figures. Published version");
        assertThat(paper.journalRef()).isNotBlank();
    }

    @Test
    void shouldRefuseDoctypesAndExternalEntities() throws Exception {
        String hostile =
                """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2104.12255v1</id>
                <title>&secret;</title></entry></feed>
                """;
        server = new ReplayServer(r -> ReplayServer.Reply.ok(hostile.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> client(server, Duration.ZERO).fetch(ArxivId.of("2104.12255")))
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining(server.url("/api/query"))
                .hasMessageNotContaining("root:");
    }

    @Test
    void shouldNameLineOfTruncatedResponse() throws Exception {
        byte[] full = SharedData.bytes(GOLDEN.resolve("q_testing_s0_m10_bc5a6c384fe9.xml"));
        byte[] truncated = java.util.Arrays.copyOf(full, full.length / 2);
        server = new ReplayServer(r -> ReplayServer.Reply.ok(truncated));

        assertThatThrownBy(() -> client(server, Duration.ZERO).search("testing", 0, 10))
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining("malformed XML at line");
    }

    @Test
    void shouldRefuseAResponseLargerThanTheLimit() throws Exception {
        server = new ReplayServer(r -> golden("q_testing_s0_m100_cfe7536492ca.xml"));

        assertThatThrownBy(() ->
                        client(server, Duration.ZERO, DataSize.ofKilobytes(100)).search("testing", 0, 100))
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining("response larger than 102400 bytes");
    }

    @Test
    void shouldHonourRetryAfterAndKeepTheIntervalBetweenRequests() throws Exception {
        byte[] body = SharedData.bytes(GOLDEN.resolve("id_1707.08567_s0_m100_6a1afebfc6a3.xml"));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server = new ReplayServer(r -> calls.getAndIncrement() == 0
                ? ReplayServer.Reply.status(503, Map.of("Retry-After", "7"))
                : ReplayServer.Reply.ok(body));
        ArxivClient client = client(server, Duration.ofSeconds(3));

        assertThat(client.fetch(ArxivId.of("1707.08567"))).isPresent();
        assertThat(client.fetch(ArxivId.of("1605.08386"))).isEmpty();

        assertThat(server.requests()).hasSize(3);
        // 7 s as arXiv asked after the 503, then before each later request a pause of up to the 3 s interval
        assertThat(sleeper.pauses()).contains(Duration.ofSeconds(7));
        assertThat(sleeper.pauses())
                .filteredOn(d -> !d.equals(Duration.ofSeconds(7)))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3)));
    }

    private static final Pattern ENTRY_ID = Pattern.compile("<entry>\\s*<id>http://arxiv.org/abs/([^<]+)</id>");

    /** The ids of a recorded page, read with a plain pattern so the test does not trust the parser under test. */
    static List<ArxivId> entryIds(Path page) {
        Matcher m = ENTRY_ID.matcher(new String(SharedData.bytes(page), StandardCharsets.UTF_8));
        List<ArxivId> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(ArxivId.of(m.group(1)));
        }
        return ids;
    }
}
