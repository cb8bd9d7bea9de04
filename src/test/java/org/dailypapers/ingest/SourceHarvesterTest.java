package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dailypapers.paper.Decision;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bioRxiv/medRxiv, ACL Anthology and OpenReview harvesters against a local server that replays the recorded
 * responses of the shared data: the real pages as they are, and follow-up pages cut from the real records where
 * pagination needs more pages than were recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SourceHarvesterTest {

    static final Path BIORXIV_2026_03 = SharedData.biorxiv("fastpaper-cli/biorxiv_search.json");
    static final Path MEDRXIV_2026_03 = SharedData.biorxiv("fastpaper-cli/medrxiv_search.json");
    static final Path MEDRXIV_2026_05 = SharedData.biorxiv("lifepilot-bot/details.json");
    static final Path BIORXIV_2026_07 = SharedData.biorxiv("research_bot-edited/biorxiv_details.json");
    static final List<String> COLLECTIONS =
            List.of("2024.acl", "2024.emnlp", "2025.naacl", "2022.findings", "2025.tacl");
    static final String ICLR = "ICLR.cc/2026/Conference/-/Submission";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path HOME = tempHome();
    private static final ReplayServer SERVER = new ReplayServerHolder().server;

    @TestConfiguration
    static class Pauses {
        @Bean
        @Primary
        RecordingSleeper recordingSleeper() {
            return new RecordingSleeper();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", HOME::toString);
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.sources.biorxiv-base-url", () -> SERVER.url("/biorxiv"));
        registry.add("dailypapers.sources.acl-base-url", () -> SERVER.url("/acl/xml"));
        registry.add("dailypapers.sources.openreview-base-url", () -> SERVER.url("/openreview"));
        registry.add("dailypapers.sources.request-interval", () -> "2s");
        registry.add("dailypapers.sources.max-attempts", () -> "3");
        registry.add("dailypapers.sources.openreview-page-size", () -> "250");
    }

    @Autowired
    SourceHarvester harvester;

    @Autowired
    SourceRecords records;

    @Autowired
    HarvestProgressStore store;

    @Autowired
    RecordingSleeper sleeper;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        for (String table : List.of("source_record", "source_record_split", "venue_event", "arxiv_harvest")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        SERVER.reset(SourceHarvesterTest::recorded);
        sleeper.clear();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    /** Every recorded response at the path its request has; anything past the recorded pages is an empty page. */
    static ReplayServer.Reply recorded(ReplayServer.Request r) {
        String path = r.uri().getPath();
        if (path.startsWith("/biorxiv/details/")) {
            String[] p = path.substring("/biorxiv/details/".length()).split("/");
            String server = p[0];
            String interval = p[1] + "/" + p[2];
            int cursor = Integer.parseInt(p[3]);
            if (cursor > 0) {
                return json("{\"messages\":[{\"status\":\"no posts found\"}],\"collection\":[]}");
            }
            return switch (server + " " + interval) {
                case "biorxiv 2024-01-01/2024-12-31" -> ReplayServer.Reply.ok(SharedData.bytes(BIORXIV_2026_03));
                case "medrxiv 2024-01-01/2024-12-31" -> ReplayServer.Reply.ok(SharedData.bytes(MEDRXIV_2026_03));
                case "biorxiv 2026-07-15/2026-07-18" -> ReplayServer.Reply.ok(SharedData.bytes(BIORXIV_2026_07));
                default -> json("{\"messages\":[{\"status\":\"no posts found\"}],\"collection\":[]}");
            };
        }
        if (path.startsWith("/acl/xml/")) {
            String file = path.substring("/acl/xml/".length());
            Path f = SharedData.acl(file);
            return Files.exists(f)
                    ? ReplayServer.Reply.ok(SharedData.bytes(f))
                    : ReplayServer.Reply.status(404, Map.of());
        }
        if (path.equals("/openreview/notes")) {
            return notesPage(r);
        }
        return ReplayServer.Reply.status(404, Map.of());
    }

    /** The recorded 1,000 ICLR 2026 notes, served the way API v2 pages them: {@code limit}, {@code offset}, count. */
    static ReplayServer.Reply notesPage(ReplayServer.Request r) {
        if (!ICLR.equals(r.param("invitation"))) {
            return json("{\"notes\":[],\"count\":0}");
        }
        ArrayNode all = (ArrayNode) NOTES.get();
        int offset = Integer.parseInt(r.param("offset"));
        int limit = Integer.parseInt(r.param("limit"));
        ObjectNode page = JSON.createObjectNode();
        ArrayNode notes = page.putArray("notes");
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            notes.add(all.get(i));
        }
        page.put("count", all.size());
        return json(JSON.writeValueAsString(page));
    }

    static final java.util.function.Supplier<JsonNode> NOTES = new java.util.function.Supplier<>() {
        private JsonNode notes;

        @Override
        public synchronized JsonNode get() {
            if (notes == null) {
                notes = JSON.readTree(SharedData.bytes(SharedData.openReviewNotes()));
            }
            return notes;
        }
    };

    static ReplayServer.Reply json(String body) {
        return new ReplayServer.Reply(
                200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private SourceHarvestSummary biorxiv(Source server, String from, String until) {
        return harvester.harvest(
                new SourceHarvestRequest(server, LocalDate.parse(from), LocalDate.parse(until), List.of(), List.of()),
                HarvestListener.NONE);
    }

    private long count(String source) {
        return jdbc.sql("SELECT COUNT(*) FROM source_record WHERE source = ?")
                .param(source)
                .query(Long.class)
                .single();
    }

    /** DOI to newest version, read straight from a recorded page. */
    static Map<String, Integer> newestVersions(Path page) {
        Map<String, Integer> result = new HashMap<>();
        for (JsonNode r : JSON.readTree(SharedData.bytes(page)).get("collection")) {
            result.merge(
                    r.get("doi").asString().toLowerCase(),
                    Integer.parseInt(r.get("version").asString()),
                    Math::max);
        }
        return result;
    }

    private Map<String, Integer> storedVersions(String source) {
        return jdbc
                .sql("SELECT record_key, version FROM source_record WHERE source = ?")
                .param(source)
                .query((rs, n) -> Map.entry(rs.getString(1).substring(4), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void shouldHarvestTheRecordedBiorxivPageKeepingTheNewestVersionOfEachDoi() {
        SourceHarvestSummary summary = biorxiv(Source.BIORXIV, "2024-01-01", "2024-12-31");

        Map<String, Integer> expected = newestVersions(BIORXIV_2026_03);
        assertThat(expected).hasSize(79);
        // 100 records for 79 DOIs: 79 new, the 21 older versions skipped; cursor 100 answers "no posts found"
        // total is 60,568: the harvester asks for cursor 100, which the replay answers as the API does past the end
        assertThat(summary.line())
                .isEqualTo("harvested=100 imported=79 updated=0 skipped=21 pages=2 proposed=0 merged=0");
        assertThat(storedVersions("biorxiv")).isEqualTo(expected);
        assertThat(SERVER.requests())
                .extracting(q -> q.uri().getPath())
                .containsExactly(
                        "/biorxiv/details/biorxiv/2024-01-01/2024-12-31/0",
                        "/biorxiv/details/biorxiv/2024-01-01/2024-12-31/100");

        SourceRecord old = records.find(SourceId.of("10.1101/029900")).orElseThrow();
        assertThat(old.version()).isEqualTo(3);
        assertThat(old.source()).isEqualTo(Source.BIORXIV);
        assertThat(old.venueName()).isEqualTo("bioRxiv");
        long published = jdbc.sql("SELECT COUNT(*) FROM source_record WHERE published_doi IS NOT NULL")
                .query(Long.class)
                .single();
        assertThat(published).isPositive();
        SourceRecord withJournal = records.list(Source.BIORXIV, null, 0, 100).records().stream()
                .filter(r -> r.publishedDoi() != null)
                .findFirst()
                .orElseThrow();
        assertThat(withJournal.decision()).isEqualTo(Decision.PUBLISHED);
        assertThat(withJournal.badge()).hasValueSatisfying(b -> assertThat(b).startsWith("Published"));
        assertThat(withJournal.authors())
                .allSatisfy(a -> assertThat(a.name()).doesNotContain(",").doesNotContain(";"));
    }

    @Test
    void shouldReadBothFormatsOfTheSameMedrxivRequestAsTheSameRecords() {
        SourceHarvestSummary march = biorxiv(Source.MEDRXIV, "2024-01-01", "2024-12-31");
        assertThat(march.summary().harvested()).isEqualTo(100);
        assertThat(march.summary().imported())
                .isEqualTo(newestVersions(MEDRXIV_2026_03).size())
                .isEqualTo(99);
        Map<String, Integer> afterMarch = storedVersions("medrxiv");

        // the May 2026 capture: numbers for counts, no funder, server "medrxiv", keys in another order
        SERVER.reset(r -> r.uri().getPath().endsWith("/0")
                ? ReplayServer.Reply.ok(SharedData.bytes(MEDRXIV_2026_05))
                : json("{\"messages\":[{\"status\":\"no posts found\"}],\"collection\":[]}"));
        jdbc.sql("DELETE FROM arxiv_harvest").update();
        SourceHarvestSummary may = biorxiv(Source.MEDRXIV, "2024-01-01", "2024-12-31");

        assertThat(may.line()).isEqualTo("harvested=100 imported=0 updated=0 skipped=100 pages=2 proposed=0 merged=0");
        assertThat(storedVersions("medrxiv")).isEqualTo(afterMarch);
        assertThat(count("medrxiv")).isEqualTo(99);
    }

    @Test
    void shouldKeepTheNewDoiPrefixOf2026() {
        SourceHarvestSummary s = biorxiv(Source.BIORXIV, "2026-07-15", "2026-07-18");

        assertThat(s.summary().imported()).isEqualTo(3);
        assertThat(records.find(SourceId.of("10.64898/2026.07.13.738145")))
                .hasValueSatisfying(r -> assertThat(r.id().path()).isEqualTo("/papers/doi/10.64898/2026.07.13.738145"));
        assertThat(records.find(SourceId.of("10.64898/2025.12.19.695336")))
                .hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(3));
    }

    /** The recorded bioRxiv page cut into pages of 30 with their real cursor, count and total. */
    static ReplayServer.Reply cutPage(int cursor) {
        JsonNode page = JSON.readTree(SharedData.bytes(BIORXIV_2026_03));
        ArrayNode all = (ArrayNode) page.get("collection");
        ObjectNode out = JSON.createObjectNode();
        ObjectNode m = out.putArray("messages").addObject();
        m.put("status", "ok");
        m.put("cursor", cursor);
        int end = Math.min(all.size(), cursor + 30);
        m.put("count", String.valueOf(end - cursor));
        m.put("total", String.valueOf(all.size()));
        ArrayNode c = out.putArray("collection");
        for (int i = cursor; i < end; i++) {
            c.add(all.get(i));
        }
        return json(JSON.writeValueAsString(out));
    }

    @Test
    void shouldPageByCursorWaitOutRetryAfterAndResumeAfterATruncatedPageAndAKillEndingIdentical() {
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger truncated = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        SERVER.reset(r -> {
            int cursor = Integer.parseInt(r.uri().getPath().replaceFirst(".*/", ""));
            if (cursor == 0 && busy.getAndIncrement() == 0) {
                return ReplayServer.Reply.status(503, Map.of("Retry-After", "7"));
            }
            if (cursor == 30 && truncated.getAndIncrement() == 0) {
                byte[] whole = cutPage(30).body();
                return json(new String(Arrays.copyOf(whole, whole.length / 2), StandardCharsets.UTF_8));
            }
            if (cursor == 60 && down.get()) {
                return new ReplayServer.Reply(-1, Map.of(), new byte[0]);
            }
            return cutPage(cursor);
        });

        assertThatThrownBy(() -> biorxiv(Source.BIORXIV, "2024-01-01", "2024-12-31"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("/details/biorxiv/2024-01-01/2024-12-31/30 (page 2)")
                .hasMessageContaining("not valid JSON");
        assertThat(sleeper.pauses()).contains(Duration.ofSeconds(7));
        assertThat(count("biorxiv")).isEqualTo(newestCount(0, 30));

        // the server dies on page 3 (every attempt's connection drops): the harvest fails, pages 1 and 2 stay
        assertThatThrownBy(() -> biorxiv(Source.BIORXIV, "2024-01-01", "2024-12-31"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("/60 (page 3)")
                .hasMessageContaining("cannot connect after 3 attempts");
        HarvestProgressStore.State stopped =
                store.latestIncomplete("biorxiv", "").orElseThrow();
        assertThat(stopped.pagesDone()).isEqualTo(2);
        assertThat(stopped.resumptionToken()).isEqualTo("60");

        down.set(false);
        SourceHarvestSummary rerun = biorxiv(Source.BIORXIV, "2024-01-01", "2024-12-31");
        assertThat(rerun.summary().resumedAtPage()).isEqualTo(3);
        assertThat(rerun.summary().pages()).isEqualTo(2);
        assertThat(rerun.summary().harvested()).isEqualTo(40);
        assertThat(storedVersions("biorxiv")).isEqualTo(newestVersions(BIORXIV_2026_03));
        assertThat(store.find(HarvestProgressStore.key(
                                "biorxiv", "", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")))
                        .orElseThrow()
                        .complete())
                .isTrue();
    }

    /** Distinct DOIs among the recorded records {@code from} (inclusive) to {@code to}. */
    private static long newestCount(int from, int to) {
        JsonNode all = JSON.readTree(SharedData.bytes(BIORXIV_2026_03)).get("collection");
        List<String> dois = new ArrayList<>();
        for (int i = from; i < to; i++) {
            dois.add(all.get(i).get("doi").asString());
        }
        return dois.stream().distinct().count();
    }

    @Test
    void shouldHarvestAllOpenReviewNotesByOffsetWithTheirDecisionsAndNoEmailAddresses() {
        SourceHarvestSummary s = harvester.harvest(
                new SourceHarvestRequest(Source.OPENREVIEW, null, null, List.of(), List.of(ICLR)),
                HarvestListener.NONE);

        assertThat(s.line()).isEqualTo("harvested=1000 imported=1000 updated=0 skipped=0 pages=4 proposed=0 merged=0");
        assertThat(SERVER.requests()).extracting(r -> r.param("offset")).containsExactly("0", "250", "500", "750");
        Map<String, Long> decisions = jdbc
                .sql("SELECT decision, COUNT(*) FROM source_record GROUP BY decision")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(decisions)
                .containsOnly(
                        Map.entry("rejected", 460L),
                        Map.entry("withdrawn", 287L),
                        Map.entry("poster", 178L),
                        Map.entry("desk-rejected", 67L),
                        Map.entry("oral", 8L));
        SourceRecord first = records.find(
                        SourceId.parse(SourceId.Scheme.OPENREVIEW, "FPLNSx1jmL").orElseThrow())
                .orElseThrow();
        assertThat(first.title()).isEqualTo("Improving Developer Emotion Classification via LLM-Based Augmentation");
        assertThat(first.venueName()).isEqualTo("ICLR 2026");
        assertThat(first.decision()).isEqualTo(Decision.REJECTED);
        assertThat(first.authors().getFirst().personId()).isEqualTo("~Fahmida_Haque_Fariha1");
        assertThat(first.pdfUrl()).startsWith("https://openreview.net/pdf/");
        String everything = String.join(
                "\n",
                jdbc.sql("SELECT authors FROM source_record")
                        .query(String.class)
                        .list());
        assertThat(everything).doesNotContain("@");
        SourceRecord poster = records.list(Source.OPENREVIEW, "iclr", 0, 1000).records().stream()
                .filter(r -> r.decision() == Decision.POSTER)
                .findFirst()
                .orElseThrow();
        assertThat(poster.badge()).hasValue("ICLR 2026 Poster");

        // read again (the daily run does): nothing changes
        SourceHarvestSummary again = harvester.harvest(
                new SourceHarvestRequest(Source.OPENREVIEW, null, null, List.of(), List.of(ICLR)),
                HarvestListener.NONE);
        assertThat(again.summary().skipped()).isEqualTo(1000);
    }

    @Test
    void shouldImportEveryRecordedAnthologyCollectionWithCleanTextAuthorsAndDois() {
        // How fast this runs is measured by ./dailypapers bench sources, not here.
        SourceHarvestSummary s = harvester.harvest(
                new SourceHarvestRequest(Source.ACL, null, null, COLLECTIONS, List.of()), HarvestListener.NONE);

        assertThat(s.line()).isEqualTo("harvested=4545 imported=4545 updated=0 skipped=0 pages=5 proposed=0 merged=0");
        assertThat(count("acl")).isEqualTo(4545);

        SourceRecord fizz = records.find(SourceId.of("acl:2024.emnlp-main.3")).orElseThrow();
        assertThat(fizz.title())
                .isEqualTo("FIZZ: Factual Inconsistency Detection by Zoom-in Summary and Zoom-out Document");
        assertThat(fizz.authors().get(1).orcid()).isEqualTo("0000-0002-7262-3579");
        assertThat(fizz.authors().get(1).name()).isEqualTo("Seunghyun Yoon");
        assertThat(fizz.doi()).isEqualTo("10.18653/v1/2024.emnlp-main.3");
        assertThat(fizz.pdfUrl()).isEqualTo("https://aclanthology.org/2024.emnlp-main.3.pdf");
        assertThat(fizz.venueName()).isEqualTo("EMNLP 2024");
        assertThat(fizz.date()).isEqualTo(LocalDate.parse("2024-11-01"));
        assertThat(fizz.badge()).hasValue("Published at EMNLP 2024");

        String abstracts = String.join(
                " ",
                jdbc.sql("SELECT abstract FROM source_record")
                        .query(String.class)
                        .list());
        // one Findings abstract writes "&lt;i&gt;" as text, so markup is checked where the XML has it as markup
        assertThat(abstracts).doesNotContain("<tex-math>", "<fixed-case>", "\\times", "\\approx");
        assertThat(records.list(Source.ACL, "acl", 0, 2000).records().stream()
                        .filter(r -> r.abstractText().contains("This paper proposes IBE-Eval, a framework"))
                        .findFirst())
                .hasValueSatisfying(r -> assertThat(r.abstractText())
                        .contains("(≈ 27% above random)")
                        .doesNotContain("<i>"));
        assertThat(abstracts).contains("up to 3× while");
        SourceRecord findings =
                records.find(SourceId.of("acl:2022.findings-emnlp.1")).orElseThrow();
        assertThat(findings.venueName()).isEqualTo("Findings of EMNLP 2022");
        assertThat(records.find(SourceId.of("acl:2025.naacl-long.1")))
                .hasValueSatisfying(r -> assertThat(r.venueName()).isEqualTo("NAACL 2025"));
        long withPersonIds = jdbc.sql("SELECT COUNT(*) FROM source_record WHERE authors LIKE '%\"personId\":\"%'")
                .query(Long.class)
                .single();
        assertThat(withPersonIds).isPositive();
    }

    @Test
    void shouldContinueAnAnthologyHarvestWithTheCollectionAfterTheLastOneCommitted() {
        AtomicInteger failures = new AtomicInteger();
        SERVER.reset(r -> r.uri().getPath().endsWith("2025.naacl.xml") && failures.getAndIncrement() < 1
                ? ReplayServer.Reply.status(500, Map.of())
                : recorded(r));
        SourceHarvestRequest request = new SourceHarvestRequest(Source.ACL, null, null, COLLECTIONS, List.of());

        assertThatThrownBy(() -> harvester.harvest(request, HarvestListener.NONE))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("2025.naacl.xml (page 3): HTTP 500");
        assertThat(count("acl")).isEqualTo(1030 + 1447);

        SourceHarvestSummary rerun = harvester.harvest(request, HarvestListener.NONE);
        assertThat(rerun.summary().resumedAtPage()).isEqualTo(3);
        assertThat(rerun.summary().imported()).isEqualTo(903 + 1132 + 33);
        assertThat(count("acl")).isEqualTo(4545);
    }

    @Test
    void shouldRefuseRequestsThatNameOptionsOfAnotherSource() {
        assertThatThrownBy(() ->
                        new SourceHarvestRequest(Source.ACL, LocalDate.parse("2024-01-01"), null, List.of(), List.of()))
                .hasMessageContaining("--from and --until apply to --source biorxiv|medrxiv only");
        assertThatThrownBy(() -> new SourceHarvestRequest(Source.BIORXIV, null, null, List.of("2024.acl"), List.of()))
                .hasMessageContaining("--collection applies to --source acl only");
        assertThatThrownBy(() -> harvester.harvest(SourceHarvestRequest.daily(Source.ACL), HarvestListener.NONE))
                .hasMessageContaining("--collection");
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("dailypapers-sources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ReplayServerHolder {
        final ReplayServer server;

        ReplayServerHolder() {
            try {
                server = new ReplayServer(SourceHarvesterTest::recorded);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
