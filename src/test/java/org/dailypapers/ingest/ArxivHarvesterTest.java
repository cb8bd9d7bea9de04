package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OAI-PMH harvester against a local server replaying arXiv's recorded pages, chained by their real resumption
 * tokens: the 2015 arXivRaw page (token {@code 726959|1001}) leads to the 2016 page (token {@code 1403493|1001}),
 * which leads to a final page without token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ArxivHarvesterTest {

    static final Path PAGE_1 = SharedData.oai("arXivOAIHarvester-2015/ListRecordsResponse.xml");
    static final Path PAGE_2 = SharedData.oai("arxiv-oai-harvester-2016/ListRecords.xml");
    static final Path PAGE_3 = SharedData.oai(
            "hepcrawl-arXiv-format/functional__arxiv__fixtures__http_server__records__arxiv-physics-hep-th.xml");
    static final String TOKEN_1 = "726959|1001";
    static final String TOKEN_2 = "1403493|1001";
    static final LocalDate FROM = LocalDate.parse("2014-10-01");

    private static final Path HOME = tempHome();
    private static final ReplayServer SERVER = server();

    @TestConfiguration
    static class Pauses {
        @Bean
        @Primary
        RecordingSleeper recordingSleeper() {
            return new RecordingSleeper();
        }

        @Bean
        @Primary
        ScriptedSearch scriptedSearch() {
            return new ScriptedSearch();
        }
    }

    /**
     * Stands in for the search module so that saved-search rules can be checked on their own: answers every query
     * with the hits a test scripts, and remembers the requests.
     */
    static final class ScriptedSearch implements SearchService {
        final List<SearchRequest> requests = new CopyOnWriteArrayList<>();
        final List<ArxivId> similarAsked = new CopyOnWriteArrayList<>();
        volatile List<String> hits = List.of();
        volatile Map<String, List<String>> similar = Map.of();

        @Override
        public SearchResult search(SearchRequest request) {
            requests.add(request);
            List<SearchHit> found = hits.stream()
                    .map(id -> new SearchHit(ArxivId.of(id), 1.0, null, null))
                    .toList();
            return new SearchResult(found.size(), found, Map.of(), null);
        }

        @Override
        public List<SearchHit> similarTo(ArxivId id, int limit) {
            similarAsked.add(id);
            return similar.getOrDefault(id.id(), List.of()).stream()
                    .map(other -> new SearchHit(ArxivId.of(other), 0.9, null, null))
                    .toList();
        }

        @Override
        public List<SearchHit> similarToText(String text, int limit) {
            return List.of();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", HOME::toString);
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.arxiv.oai-base-url", () -> SERVER.url("/oai2"));
        registry.add("dailypapers.arxiv.api-base-url", () -> SERVER.url("/api/query"));
        registry.add("dailypapers.arxiv.request-interval", () -> "3s");
        registry.add("dailypapers.arxiv.max-attempts", () -> "3");
        registry.add(
                "dailypapers.curation.file", () -> HOME.resolve("curation.yml").toString());
        // a schedule that is real but practically never due during a test run (midnight of 29 February)
        registry.add("dailypapers.arxiv.harvest-cron", () -> "0 0 0 29 2 *");
    }

    @Autowired
    ArxivHarvester harvester;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    HarvestProgressStore store;

    @Autowired
    Curation curation;

    @Autowired
    RecordingSleeper sleeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScriptedSearch search;

    @Autowired
    ArxivClient client;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    @BeforeEach
    void emptyCatalog() throws IOException {
        for (String table : List.of("daily_entry", "paper", "arxiv_harvest", "curation_dismissal")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        Files.deleteIfExists(HOME.resolve("curation.yml"));
        SERVER.reset(ArxivHarvesterTest::recordedPages);
        sleeper.clear();
        search.requests.clear();
        search.similarAsked.clear();
        search.hits = List.of();
        search.similar = Map.of();
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    /** The three recorded pages, chained by their own resumption tokens. */
    static ReplayServer.Reply recordedPages(ReplayServer.Request r) {
        String token = r.param("resumptionToken");
        if (token == null) {
            return ReplayServer.Reply.ok(SharedData.bytes(PAGE_1));
        }
        return switch (token) {
            case TOKEN_1 -> ReplayServer.Reply.ok(SharedData.bytes(PAGE_2));
            case TOKEN_2 -> ReplayServer.Reply.ok(SharedData.bytes(PAGE_3));
            default ->
                ReplayServer.Reply.ok(
                        SharedData.bytes(SharedData.oai("arXivOAIHarvester-2015/ErrorResponseBadResumptionToken.xml")));
        };
    }

    private HarvestSummary harvest() {
        return harvester.harvest(new HarvestRequest(FROM, null, "cs", null), HarvestListener.NONE);
    }

    @Test
    void shouldHarvestExactlyTheRecordsOfEveryPageFollowingResumptionTokens() {
        HarvestSummary summary = harvest();

        Set<String> expected = recordedIds(PAGE_1, PAGE_2, PAGE_3);
        assertThat(expected).hasSize(396);
        assertThat(summary.line()).isEqualTo("harvested=396 imported=396 updated=0 skipped=0 pages=3 proposed=0");
        assertThat(catalogIds()).isEqualTo(expected);

        List<ReplayServer.Request> requests = SERVER.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).query())
                .containsEntry("verb", "ListRecords")
                .containsEntry("metadataPrefix", "arXivRaw")
                .containsEntry("set", "cs")
                .containsEntry("from", "2014-10-01")
                .doesNotContainKey("until");
        assertThat(requests.get(1).query()).containsOnlyKeys("verb", "resumptionToken");
        assertThat(requests.get(1).param("resumptionToken")).isEqualTo(TOKEN_1);
        assertThat(requests.get(2).param("resumptionToken")).isEqualTo(TOKEN_2);
        // polite: before each later request a pause that completes the 3 s interval (the first request may wait
        // for the previous test's last one: the gate is shared by the whole process)
        assertThat(sleeper.pauses())
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3)));

        HarvestProgressStore.State state = store.find(HarvestProgressStore.key("arXivRaw", "cs", FROM, null))
                .orElseThrow();
        assertThat(state.complete()).isTrue();
        assertThat(state.pagesDone()).isEqualTo(3);
        assertThat(state.recordsDone()).isEqualTo(396);
        assertThat(state.resumptionToken()).isNull();
    }

    @Test
    void shouldReadArxivRawVersionsDatesAndNormaliseWhiteSpace() {
        harvest();

        Paper richard = catalog.find(ArxivId.of("0704.0716")).orElseThrow();
        assertThat(richard.version()).isEqualTo(4);
        assertThat(richard.publishedAt()).isEqualTo(Instant.parse("2007-04-05T12:45:03Z"));
        assertThat(richard.updatedAt()).isEqualTo(Instant.parse("2008-11-14T09:07:25Z"));
        assertThat(richard.authors()).containsExactly("Christoph Richard");
        assertThat(richard.categories()).containsExactly("math-ph", "math.MP");
        assertThat(richard.abstractText())
                .startsWith("We discuss the asymptotic behaviour")
                .doesNotContain("\n");

        Paper shetty = catalog.find(ArxivId.of("0704.0471")).orElseThrow();
        assertThat(shetty.authors()).containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
        assertThat(shetty.doi()).isEqualTo("10.1103/PhysRevC.76.024606");
        assertThat(shetty.abstractText()).contains("extremely \" stiff \" and \" soft \"");

        // the 2016 page was pretty-printed: indentation inside text must not survive
        Paper diaby = catalog.find(ArxivId.of("0803.4354")).orElseThrow();
        assertThat(diaby.title())
                .isEqualTo("A O(n^8) X O(n^7) Linear Programming Model of the Traveling Salesman Problem");
        assertThat(diaby.version()).isEqualTo(6);

        // the arXiv format (page 3) names authors one by one
        Paper hoehn = catalog.find(ArxivId.of("1412.8323")).orElseThrow();
        assertThat(hoehn.authors()).containsExactly("Philipp A Hoehn");
        assertThat(hoehn.publishedAt()).isEqualTo(Instant.parse("2014-12-29T00:00:00Z"));
        assertThat(hoehn.categories()).first().isEqualTo("quant-ph");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BadArgument", "BadResumptionToken", "BadVerb", "IdDoesNotExist"})
    void shouldFailWithArxivsErrorCodeAndKeepProgress(String error) {
        byte[] body = SharedData.bytes(SharedData.oai("arXivOAIHarvester-2015/ErrorResponse" + error + ".xml"));
        SERVER.reset(r -> ReplayServer.Reply.ok(body));
        String code = Character.toLowerCase(error.charAt(0)) + error.substring(1);

        assertThatThrownBy(this::harvest)
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining(SERVER.url("/oai2"))
                .hasMessageContaining("page 1")
                .hasMessageContaining("OAI-PMH error " + code)
                .extracting(e -> ((ArxivException) e).code())
                .isEqualTo(code);

        HarvestProgressStore.State state = store.find(HarvestProgressStore.key("arXivRaw", "cs", FROM, null))
                .orElseThrow();
        assertThat(state.pagesDone()).isZero();
        assertThat(state.complete()).isFalse();
        assertThat(catalog.counts().papers()).isZero();
    }

    @Test
    void shouldTreatNoRecordsMatchAsAnEmptyCompleteHarvest() {
        byte[] body = SharedData.bytes(SharedData.oai("arXivOAIHarvester-2015/ErrorResponseNoRecordsMatch.xml"));
        SERVER.reset(r -> ReplayServer.Reply.ok(body));

        HarvestSummary summary = harvest();

        assertThat(summary.line()).isEqualTo("harvested=0 imported=0 updated=0 skipped=0 pages=1 proposed=0");
        assertThat(store.find(HarvestProgressStore.key("arXivRaw", "cs", FROM, null))
                        .orElseThrow()
                        .complete())
                .isTrue();
    }

    @Test
    void shouldWaitAsLongAsRetryAfterSaysOn503() {
        List<String> answered = new CopyOnWriteArrayList<>();
        SERVER.reset(r -> {
            if (answered.isEmpty()) {
                answered.add("503");
                return ReplayServer.Reply.status(503, Map.of("Retry-After", "42"));
            }
            return ReplayServer.Reply.ok(SharedData.bytes(PAGE_3));
        });

        HarvestSummary summary = harvest();

        assertThat(summary.harvested()).isEqualTo(3);
        assertThat(SERVER.requests()).hasSize(2);
        assertThat(sleeper.pauses()).contains(Duration.ofSeconds(42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "malformed"})
    void shouldStopAtABrokenPageWithoutTouchingStoredProgressThenResume(String damage) {
        byte[] good = SharedData.bytes(PAGE_2);
        byte[] broken = damage.equals("truncated")
                ? Arrays.copyOf(good, good.length / 2)
                : new String(good, StandardCharsets.UTF_8)
                        .replaceFirst("</title>", "</titel>")
                        .getBytes(StandardCharsets.UTF_8);
        SERVER.reset(
                r -> TOKEN_1.equals(r.param("resumptionToken")) ? ReplayServer.Reply.ok(broken) : recordedPages(r));

        assertThatThrownBy(this::harvest)
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining("resumptionToken=" + "726959%7C1001")
                .hasMessageContaining("page 2")
                .hasMessageContaining("malformed XML at line");

        HarvestProgressStore.State state = store.find(HarvestProgressStore.key("arXivRaw", "cs", FROM, null))
                .orElseThrow();
        assertThat(state.pagesDone()).isEqualTo(1);
        assertThat(state.resumptionToken()).isEqualTo(TOKEN_1);
        assertThat(catalogIds()).isEqualTo(recordedIds(PAGE_1));

        SERVER.reset(ArxivHarvesterTest::recordedPages);
        HarvestSummary rerun = harvest();

        assertThat(rerun.resumedAtPage()).isEqualTo(2);
        assertThat(SERVER.requests().getFirst().param("resumptionToken")).isEqualTo(TOKEN_1);
        assertThat(rerun.line()).isEqualTo("harvested=390 imported=390 updated=0 skipped=0 pages=2 proposed=0");
        assertThat(catalogIds()).isEqualTo(recordedIds(PAGE_1, PAGE_2, PAGE_3));
    }

    @Test
    void shouldEndWithTheSameCatalogWhenTheServerDiesMidHarvestAndTheHarvestRunsAgain() throws IOException {
        writeRules(CURATION_RULES);
        harvest();
        List<String> uninterrupted = snapshot();
        emptyCatalog();
        writeRules(CURATION_RULES);

        // the server dies while page 3 is asked for: connections close without an answer
        SERVER.reset(r -> TOKEN_2.equals(r.param("resumptionToken"))
                ? new ReplayServer.Reply(-1, Map.of(), new byte[0])
                : recordedPages(r));
        assertThatThrownBy(this::harvest).isInstanceOf(ArxivException.class).hasMessageContaining("page 3");
        assertThat(catalogIds()).isEqualTo(recordedIds(PAGE_1, PAGE_2));

        SERVER.reset(ArxivHarvesterTest::recordedPages);
        HarvestSummary rerun = harvester.harvest(HarvestRequest.incremental(), HarvestListener.NONE);

        assertThat(rerun.resumedAtPage()).isEqualTo(3);
        assertThat(rerun.pages()).isEqualTo(1);
        assertThat(snapshot()).isEqualTo(uninterrupted);
    }

    @Test
    void shouldEndWithTheSameCatalogWhenAHarvestingProcessIsKilledAndTheHarvestRunsAgain() throws Exception {
        writeRules(CURATION_RULES);
        harvest();
        List<String> uninterrupted = snapshot();
        emptyCatalog();
        writeRules(CURATION_RULES);

        // a separate JVM runs `dailypapers harvest` on the same database; page 2 is held back until it is killed
        CountDownLatch secondPageAsked = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        SERVER.reset(r -> {
            if (TOKEN_1.equals(r.param("resumptionToken"))) {
                secondPageAsked.countDown();
                awaitQuietly(killed);
            }
            return recordedPages(r);
        });
        Path log = HOME.resolve("child.log");
        Process child = new ProcessBuilder(
                        javaBinary(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.dailypapers.DailyPapersApplication",
                        "--dailypapers.home=" + HOME,
                        "--dailypapers.db-url=",
                        "--dailypapers.arxiv.oai-base-url=" + SERVER.url("/oai2"),
                        "--dailypapers.arxiv.request-interval=0s",
                        "--dailypapers.curation.file=" + HOME.resolve("curation.yml"),
                        "harvest",
                        "--from",
                        "2014-10-01",
                        "--set",
                        "cs")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            boolean reached = secondPageAsked.await(5, TimeUnit.MINUTES);
            assertThat(reached)
                    .as(() -> "the child never asked for page 2:\n" + readQuietly(log))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
            killed.countDown();
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(catalogIds()).isEqualTo(recordedIds(PAGE_1));
        HarvestProgressStore.State afterKill = store.find(HarvestProgressStore.key("arXivRaw", "cs", FROM, null))
                .orElseThrow();
        assertThat(afterKill.pagesDone()).isEqualTo(1);
        assertThat(afterKill.resumptionToken()).isEqualTo(TOKEN_1);

        SERVER.reset(ArxivHarvesterTest::recordedPages);
        HarvestSummary rerun = harvester.harvest(HarvestRequest.incremental(), HarvestListener.NONE);

        assertThat(rerun.resumedAtPage()).isEqualTo(2);
        assertThat(rerun.harvested()).isEqualTo(390);
        assertThat(snapshot()).isEqualTo(uninterrupted);
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Test
    void shouldContinueDailyFromTheNewestDayAFinishedHarvestReached() {
        harvester.harvest(new HarvestRequest(FROM, LocalDate.parse("2014-12-31"), "cs", null), HarvestListener.NONE);
        // a backfill of older days, finished later
        harvester.harvest(
                new HarvestRequest(LocalDate.parse("2010-01-01"), LocalDate.parse("2010-01-31"), "cs", null),
                HarvestListener.NONE);
        SERVER.reset(ArxivHarvesterTest::recordedPages);

        harvester.harvest(HarvestRequest.incremental(), HarvestListener.NONE);

        assertThat(SERVER.requests().getFirst().query())
                .containsEntry("from", "2014-12-31")
                .doesNotContainKey("until");
    }

    @Test
    void shouldRefreshCatalogPapersFromTheApi() {
        harvest();
        byte[] body = SharedData.bytes(SharedData.atom("arxiv-py-legacy-2016/id_list_1111.2011v2.xml"));
        SERVER.reset(r -> r.uri().getPath().equals("/api/query") && "1111.2011".equals(r.param("id_list"))
                ? ReplayServer.Reply.ok(body)
                : ReplayServer.Reply.status(404, Map.of()));

        var outcome = client.refresh(List.of(ArxivId.of("1111.2011v1")));

        assertThat(outcome.imported()).isEqualTo(1);
        Paper refreshed = catalog.find(ArxivId.of("1111.2011")).orElseThrow();
        assertThat(refreshed.version()).isEqualTo(2);
        assertThat(refreshed.authors()).contains("Adrian Del Maestro");
    }

    @Test
    void shouldScheduleTheDailyHarvestByTheConfiguredCron() {
        assertThat(scheduledTasks.getScheduledTasks())
                .map(ScheduledTask::getTask)
                .filteredOn(task -> task.getRunnable().toString().contains("HarvestScheduler.harvestDaily"))
                .singleElement()
                .isInstanceOfSatisfying(
                        CronTask.class, cron -> assertThat(cron.getExpression()).isEqualTo("0 0 0 29 2 *"));
    }

    @Test
    void shouldStartOverWhenTheStoredTokenHasExpired() {
        SERVER.reset(r -> TOKEN_1.equals(r.param("resumptionToken"))
                ? ReplayServer.Reply.status(500, Map.of())
                : recordedPages(r));
        assertThatThrownBy(this::harvest).isInstanceOf(ArxivException.class).hasMessageContaining("HTTP 500");

        // meanwhile arXiv forgot the token
        byte[] expired = SharedData.bytes(SharedData.oai("arXivOAIHarvester-2015/ErrorResponseBadResumptionToken.xml"));
        List<String> notes = new CopyOnWriteArrayList<>();
        SERVER.reset(r ->
                TOKEN_1.equals(r.param("resumptionToken")) && SERVER.requests().size() == 1
                        ? ReplayServer.Reply.ok(expired)
                        : recordedPages(r));
        HarvestSummary rerun = harvester.harvest(new HarvestRequest(FROM, null, "cs", null), new HarvestListener() {
            @Override
            public void problem(String message) {
                notes.add(message);
            }
        });

        assertThat(notes).singleElement().asString().contains("badResumptionToken", "starting this harvest over");
        assertThat(SERVER.requests().get(1).param("resumptionToken")).isNull();
        assertThat(rerun.updated() + rerun.imported() + rerun.skipped()).isEqualTo(396);
        assertThat(catalogIds()).isEqualTo(recordedIds(PAGE_1, PAGE_2, PAGE_3));
    }

    static final String CURATION_RULES =
            """
            max-age-days: 0
            rules:
              - name: a university
                organizations: [University of Amsterdam]
              - name: machine learning
                categories: [cs.LG]
              - name: neural networks in computer science
                categories: cs
                keywords: ["neural network"]
              - name: an author
                authors: ["moustapha diaby"]
            """;

    @Test
    void shouldProposeThePapersTheRulesMatchForTheirRecordDay() throws IOException {
        writeRules(CURATION_RULES);
        // a person already put this one on the feed: curation must leave the entry alone
        Paper submitted = new Paper(
                ArxivId.of("1512.04829"),
                1,
                "Feature-Level Domain Adaptation",
                "",
                List.of(),
                List.of("cs.LG"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null);
        DailyEntry byPerson = new DailyEntry(
                submitted.id(),
                LocalDate.parse("2016-01-05"),
                null,
                new DailyEntry.Submitter("alice", "Alice", null),
                0,
                null);
        catalog.upsert(List.of(new PaperRecord(submitted, byPerson)));

        HarvestSummary summary = harvest();

        Map<ArxivId, DailyEntry> entries = catalog.findEntries(
                catalog.changedSince(-1, 1000).stream().map(c -> c.paper().id()).toList());
        Set<String> proposed = new TreeSet<>();
        entries.values().stream()
                .filter(Curation::isProposal)
                .forEach(e -> proposed.add(e.paperId().id()));
        assertThat(proposed)
                .containsExactlyInAnyOrder(
                        // cs.LG
                        "1512.00743",
                        "1602.03619",
                        "1603.02074",
                        "1606.03238",
                        "1606.03841",
                        "1606.04487",
                        // neural networks, in cs but not cs.LG
                        "1604.03168",
                        "1604.04764",
                        // the author, "Moustapha Diaby" and "Moustapha Diaby and M.H. Karwan" alike
                        "0803.4354",
                        "0808.3386",
                        "1309.1823",
                        "1403.0529",
                        "1605.03243");
        assertThat(summary.proposed()).isEqualTo(13);
        assertThat(entries.get(ArxivId.of("1512.04829")).submittedBy().name()).isEqualTo("alice");

        DailyEntry amsterdam = entries.get(ArxivId.of("1512.00743"));
        assertThat(amsterdam.day()).isEqualTo(LocalDate.parse("2016-10-20"));
        assertThat(amsterdam.submittedBy()).isEqualTo(Curation.AUTO);
        assertThat(amsterdam.organization().name()).isEqualTo("University of Amsterdam");
        assertThat(entries.get(ArxivId.of("1606.03841")).day()).isEqualTo(LocalDate.parse("2016-10-21"));

        // an admin removes one; harvesting the same days again does not bring it back
        assertThat(curation.dismiss(ArxivId.of("1606.03238"))).isTrue();
        assertThat(curation.dismiss(ArxivId.of("1512.04829")))
                .as("a person's entry")
                .isFalse();
        assertThat(catalog.findEntry(ArxivId.of("1606.03238"))).isEmpty();
        HarvestSummary again = harvest();
        assertThat(again.proposed()).isZero();
        assertThat(catalog.findEntry(ArxivId.of("1606.03238"))).isEmpty();
        assertThat(catalog.find(ArxivId.of("1606.03238"))).isPresent();
    }

    @Test
    void shouldProposeWhatASavedSearchFindsAmongTheHarvestedPapers() throws IOException {
        writeRules(
                """
                max-age-days: 0
                rules:
                  - name: quantum, computer science only
                    search: quantum
                    categories: [cs]
                  - name: hep-th search
                    search: "cat:hep-th"
                """);
        // 1412.8323 is on page 3 (quant-ph, hep-th), 1604.03168 on page 2 (cs.CV), 2501.00001 was not harvested
        search.hits = List.of("1412.8323", "1604.03168", "2501.00001");

        HarvestSummary summary = harvest();

        assertThat(summary.proposed()).isEqualTo(2);
        assertThat(catalog.findEntry(ArxivId.of("1604.03168")).orElseThrow().submittedBy())
                .isEqualTo(Curation.AUTO);
        assertThat(catalog.findEntry(ArxivId.of("1412.8323")).orElseThrow().day())
                .isEqualTo(LocalDate.parse("2017-12-14"));
        assertThat(catalog.find(ArxivId.of("2501.00001"))).isEmpty();
        assertThat(search.requests).extracting(SearchRequest::query).containsExactly("quantum", "cat:hep-th");
        // the search is limited to the submission days of what was harvested
        assertThat(search.requests.getFirst().from()).isEqualTo(LocalDate.parse("2007-04-03"));
        assertThat(search.requests.getFirst().to()).isEqualTo(LocalDate.parse("2016-07-06"));
    }

    @Test
    void shouldProposePapersSimilarToWhatTheCommunityUpvoted() throws IOException {
        writeRules(
                """
                max-age-days: 0
                rules:
                  - name: like what we upvote, computer science only
                    similar-to-upvoted: 5
                    categories: [cs]
                """);
        Paper liked = new Paper(
                ArxivId.of("1603.09999"),
                1,
                "A much liked paper",
                "About vision.",
                List.of("Bob"),
                List.of("cs.CV"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                30,
                null);
        Paper ignored = new Paper(
                ArxivId.of("1603.09998"),
                1,
                "A paper nobody upvoted",
                "About nothing.",
                List.of("Eve"),
                List.of("cs.CV"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null);
        DailyEntry.Submitter bob = new DailyEntry.Submitter("bob", null, null);
        catalog.upsert(List.of(
                new PaperRecord(liked, new DailyEntry(liked.id(), LocalDate.parse("2016-10-01"), null, bob, 0, null)),
                new PaperRecord(
                        ignored, new DailyEntry(ignored.id(), LocalDate.parse("2016-10-01"), null, bob, 0, null))));
        // 1604.03168 (cs.CV) was harvested; 1412.8323 too, but it is not cs
        search.similar = Map.of("1603.09999", List.of("1604.03168", "1412.8323"));

        HarvestSummary summary = harvest();

        assertThat(search.similarAsked).containsExactly(ArxivId.of("1603.09999"));
        assertThat(summary.proposed()).isEqualTo(1);
        assertThat(catalog.findEntry(ArxivId.of("1604.03168")).orElseThrow().submittedBy())
                .isEqualTo(Curation.AUTO);
        assertThat(catalog.findEntry(ArxivId.of("1412.8323"))).isEmpty();
    }

    @Test
    void shouldNotProposeRevisionsOfOldPapers() throws IOException {
        // every recorded record is a revision of a paper first submitted months or years before the record date
        writeRules(CURATION_RULES.replace("max-age-days: 0", "max-age-days: 7"));

        assertThat(harvest().proposed()).isZero();
        assertThat(catalog.counts().dailyEntries()).isZero();
    }

    private static void writeRules(String yaml) throws IOException {
        Files.writeString(HOME.resolve("curation.yml"), yaml);
    }

    private Set<String> catalogIds() {
        Set<String> ids = new TreeSet<>();
        catalog.changedSince(-1, 100_000).forEach(c -> ids.add(c.paper().id().id()));
        return ids;
    }

    /** Every paper and daily entry, as text, in id order. */
    private List<String> snapshot() {
        List<CatalogChange> all = catalog.changedSince(-1, 100_000);
        List<String> rows = new ArrayList<>();
        all.forEach(c -> rows.add(c.paper().toString()));
        catalog.findEntries(all.stream().map(c -> c.paper().id()).toList())
                .values()
                .forEach(e -> rows.add(e.toString()));
        rows.sort(null);
        return rows;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>oai:arXiv.org:([^<]+)</identifier>");

    /** The ids of recorded pages, read with a plain pattern so the test does not trust the parser under test. */
    static Set<String> recordedIds(Path... pages) {
        Set<String> ids = new TreeSet<>();
        for (Path page : pages) {
            Matcher m = IDENTIFIER.matcher(new String(SharedData.bytes(page), StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("dailypapers-harvest-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReplayServer server() {
        try {
            return new ReplayServer(ArxivHarvesterTest::recordedPages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
