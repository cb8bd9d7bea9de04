package org.dailypapers.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.dailypapers.TestData;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real Hugging Face day (2025-07-21: five papers, four with HF's ai_summary and ai_keywords, one without)
 * through import, the worker, the JSON API, pages, the Atom feed and the keyword filter.
 */
// The context stops before JUnit deletes the static @TempDir home: its background indexer writes there.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaperSummariesTests {

    private static final String DAY = "2025-07-21";

    /** The day's papers; the last has no Hugging Face values. */
    private static final List<String> DAY_IDS =
            List.of("2507.11097", "2507.12566", "2507.14137", "2507.10605", "2507.13391");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> "");
        // the test drives the worker itself, so that it knows when the work is done
        registry.add("dailypapers.summary.background", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    PaperImporter importer;

    @Autowired
    PaperSummaries summaries;

    @Autowired
    SummaryWorker worker;

    @Autowired
    SearchService search;

    @Autowired
    SearchMaintenance maintenance;

    private static List<SummaryEvaluation.HfPaper> hf;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void readHuggingFaceDay() {
        hf = SummaryEvaluation.papers(TestData.hfDailyPapers()).stream()
                .filter(p -> DAY_IDS.contains(p.id()))
                .toList();
    }

    @Test
    @Order(1)
    void shouldKeepHuggingFacesValuesAndComputeOursForEveryPaper() {
        importer.importFiles(List.of(TestData.hfDailyPapers().resolve(DAY + ".json")), ImportListener.NONE);

        assertThat(worker.catchUp()).isEqualTo(5);

        List<ArxivId> ids = dayIds();
        assertThat(ids).hasSize(5);
        int theirs = 0;
        for (ArxivId id : ids) {
            PaperSummary s = summaries.find(id);
            assertThat(s.summary()).isNotBlank();
            assertThat(s.keywords()).isNotEmpty();
            SummaryEvaluation.HfPaper fromHf =
                    hf.stream().filter(p -> p.id().equals(id.id())).findFirst().orElse(null);
            if (fromHf != null && fromHf.summary() != null) {
                theirs++;
                assertThat(s.summaryOrigin()).isEqualTo(PaperSummary.Origin.HUGGING_FACE);
                assertThat(s.summary()).isEqualTo(fromHf.summary());
                assertThat(s.keywords()).isEqualTo(fromHf.keywords());
            } else {
                assertThat(s.summaryOrigin()).isEqualTo(PaperSummary.Origin.COMPUTED);
                assertThat(s.keywordsOrigin()).isEqualTo(PaperSummary.Origin.COMPUTED);
                assertThat(s.keywords()).hasSizeBetween(Extractor.MIN_KEYWORDS, 10);
                assertThat(s.summary()).doesNotStartWith("In this paper").doesNotStartWith("We ");
            }
        }
        assertThat(theirs).isEqualTo(4);
    }

    @Test
    @Order(2)
    void shouldResumeWhereItStoppedAndSkipUnchangedPapers() {
        assertThat(worker.catchUp()).isZero();
        importer.importFiles(List.of(TestData.hfDailyPapers().resolve(DAY + ".json")), ImportListener.NONE);
        // a re-import that changes nothing gives the catalog no change to follow
        assertThat(worker.catchUp()).isZero();
    }

    @Test
    @Order(3)
    void shouldServeThemWhereHuggingFaceHubsPaperInfoReadsThem() throws Exception {
        JsonNode daily = get("/api/daily_papers?date=" + DAY);
        assertThat(daily.size()).isEqualTo(5);
        for (JsonNode entry : daily) {
            // top level: PaperInfo(**entry) reads ai_summary and ai_keywords there
            assertThat(entry.get("ai_summary").stringValue()).isNotBlank();
            assertThat(entry.get("ai_keywords").isArray()).isTrue();
            assertThat(entry.get("ai_keywords").size()).isPositive();
            assertThat(entry.get("paper").get("ai_summary").stringValue())
                    .isEqualTo(entry.get("ai_summary").stringValue());
        }
        String id = daily.get(0).get("paper").get("id").stringValue();
        JsonNode paper = get("/api/papers/" + id);
        assertThat(paper.get("ai_summary").stringValue())
                .isEqualTo(summaries.find(ArxivId.of(id)).summary());
        assertThat(paper.get("ai_keywords").get(0).stringValue())
                .isEqualTo(summaries.find(ArxivId.of(id)).keywords().getFirst());
    }

    @Test
    @Order(4)
    void shouldFilterAndCountPapersByKeyword() {
        maintenance.catchUp();
        ArxivId id = dayIds().getFirst();
        String keyword = summaries.find(id).keywords().getFirst();

        SearchResult r = search.search(SearchRequest.simple("keyword:\"" + keyword + "\"", SearchMode.BM25, 10));

        assertThat(r.error()).isNull();
        assertThat(r.hits()).extracting(h -> h.id().withoutVersion()).contains(id);
        // the facet counts the keywords of the hits: the filtered keyword among them
        assertThat(r.facets().get("keyword")).contains(new FacetCount(keyword, r.totalHits()));
    }

    @Test
    @Order(5)
    void shouldShowChipsSummariesAndFeedCategories() throws Exception {
        ArxivId ours = dayIds().stream()
                .filter(i -> summaries.find(i).summaryOrigin() == PaperSummary.Origin.COMPUTED)
                .findFirst()
                .orElseThrow();
        PaperSummary s = summaries.find(ours);
        String page = text("/papers/" + ours.id());
        assertThat(page).contains("Key sentence, extracted here from the abstract");
        assertThat(page).contains("href=\"/search?q=keyword:%22");
        String day = text("/daily/" + DAY);
        assertThat(day).contains("class=\"card-tldr\"").contains("AI summary from Hugging Face");
        String results = text(org.dailypapers.web.Paths.keyword(s.keywords().getFirst()));
        assertThat(results).contains("Keywords").contains("%2Bkeyword:%22").contains(ours.id());
        String feed = text("/feeds/daily.atom");
        assertThat(feed).containsPattern("scheme=\"http://localhost:\\d+/search\\?q=keyword:\"");
        assertThat(feed)
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                        s.keywords().getFirst()));
    }

    private List<ArxivId> dayIds() {
        return DAY_IDS.stream().map(ArxivId::of).toList();
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(text(path));
    }

    private String text(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
