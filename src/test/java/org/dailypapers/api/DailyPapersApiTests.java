package org.dailypapers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dailypapers.TestData;
import org.dailypapers.ingest.DemoData;
import org.dailypapers.ingest.ImportListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HF-compatible JSON API over the bundled demo set, through real HTTP. */
// The context stops before JUnit deletes the static @TempDir home: its background indexer writes there.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DailyPapersApiTests {

    /** HF's timestamp form: UTC, milliseconds, Z; {@code huggingface_hub.utils.parse_datetime} needs it. */
    private static final String HF_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void loadDemo() {
        demo.loadIfEmpty(ImportListener.NONE);
    }

    @Test
    void shouldServeADayOfTheDemoSetAsHuggingFaceDoes() throws Exception {
        List<String> expected = idsOfHfFile("2025-01-13.json");

        Response r = get("/api/daily_papers?date=2025-01-13");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : r.body()) {
            JsonNode paper = entry.get("paper");
            ids.add(paper.get("id").stringValue());
            // What huggingface_hub's PaperInfo reads: title at the top level, authors as objects, users as objects.
            assertThat(entry.get("title").stringValue()).isNotBlank();
            assertThat(entry.get("publishedAt").stringValue()).matches(HF_TIMESTAMP);
            assertThat(entry.get("numComments").isInt()).isTrue();
            assertThat(paper.get("authors").get(0).get("name").stringValue()).isNotBlank();
            // the catalog does not know HF's hidden flag, HF's account type nor its Pro flag: left out, not made up
            assertThat(paper.get("authors").get(0).has("hidden")).isFalse();
            assertThat(paper.get("publishedAt").stringValue()).matches(HF_TIMESTAMP);
            assertThat(paper.get("summary").stringValue()).isNotBlank();
            assertThat(paper.get("upvotes").isInt()).isTrue();
            JsonNode by = entry.get("submittedBy");
            assertThat(by.isObject()).isTrue();
            assertThat(by.get("name").stringValue()).isEqualTo(by.get("user").stringValue());
            assertThat(by.has("type")).isFalse();
            assertThat(by.has("isPro")).isFalse();
            // no confirmed authorship claims in this catalog
            assertThat(entry.get("isAuthorParticipating").booleanValue()).isFalse();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode videoRag = find(r.body(), "2501.05874");
        assertThat(videoRag.get("paper").get("upvotes").intValue()).isEqualTo(19);
        assertThat(videoRag.get("submittedBy").get("fullname").stringValue()).isEqualTo("Jinheon Baek");
    }

    @Test
    void shouldCarryOrganisationAndCodeLinks() throws Exception {
        JsonNode entry = find(get("/api/daily_papers?date=2025-10-03&limit=100").body(), "2510.02283");

        assertThat(entry.get("organization").get("name").stringValue()).isEqualTo("ByteDance-Seed");
        assertThat(entry.get("paper").get("githubRepo").stringValue())
                .isEqualTo("https://github.com/justincui03/Self-Forcing-Plus-Plus");
        assertThat(entry.get("paper").get("projectPage").stringValue())
                .isEqualTo("https://self-forcing-plus-plus.github.io/");
    }

    @Test
    void shouldServeWeeksMonthsAndPages() throws Exception {
        int january = 0;
        try (Stream<Path> files = Files.list(TestData.hfDailyPapers())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("2025-01-"))
                    .toList()) {
                january += idsOfHfFile(f.getFileName().toString()).size();
            }
        }

        Response month = get("/api/daily_papers?month=2025-01&limit=100");
        Response week = get("/api/daily_papers?week=2025-W03&limit=100");
        Response page0 = get("/api/daily_papers?month=2025-01&limit=2&p=0&sort=trending");
        Response page1 = get("/api/daily_papers?month=2025-01&limit=2&p=1&sort=trending");

        assertThat(month.headers().firstValue("X-Total-Count")).contains(Integer.toString(january));
        // ISO week 3 of 2025 is Monday 13 to Sunday 19 January
        for (JsonNode e : week.body()) {
            assertThat(e.get("paper").get("submittedOnDailyAt").stringValue()).isBetween("2025-01-12", "2025-01-20");
        }
        assertThat(week.body().size()).isPositive();
        assertThat(page0.body().size()).isEqualTo(2);
        assertThat(page1.body().get(0).get("paper").get("id"))
                .isNotEqualTo(page0.body().get(0).get("paper").get("id"));
    }

    @ParameterizedTest
    @CsvSource({
        "date=2025-13-01, date",
        "date=yesterday, date",
        "week=2025-W60, week",
        "month=2025-1x, month",
        "limit=0, limit",
        "limit=abc, limit",
        "p=-1, p",
        "sort=popular, sort",
        "date=2025-01-13&month=2025-01, date",
        "category=%3Cscript%3E, category"
    })
    void shouldAnswerBadParametersWith400NamingTheParameter(String query, String parameter) throws Exception {
        Response r = get("/api/daily_papers?" + query);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("parameter").stringValue()).isEqualTo(parameter);
        assertThat(r.body().get("error").stringValue()).contains("'" + parameter + "'");
    }

    @Test
    void shouldServeOnePaperAnd404Or400Otherwise() throws Exception {
        Response known = get("/api/papers/2501.05874");
        Response versioned = get("/api/papers/2501.05874v2");
        Response unknown = get("/api/papers/2501.99999");
        Response oldStyle = get("/api/papers/hep-th/9901001");
        Response malformed = get("/api/papers/not-an-id");

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body().get("id").stringValue()).isEqualTo("2501.05874");
        assertThat(known.body().get("title").stringValue()).startsWith("VideoRAG");
        assertThat(known.body().get("submittedOnDailyBy").get("user").stringValue())
                .isEqualTo("jinheon");
        assertThat(versioned.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").stringValue()).contains("2501.99999");
        assertThat(oldStyle.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("error").stringValue()).contains("not-an-id");
    }

    @Test
    void shouldReportHealth() throws Exception {
        // OUT_OF_SERVICE (503) until the background indexer has put the demo papers into the index
        Response r = get("/actuator/health");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (r.status() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = get("/actuator/health");
        }

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").stringValue()).isEqualTo("UP");
    }

    private record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {}

    private Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), json.readTree(response.body()), response.headers());
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode e : array) {
            if (e.get("paper").get("id").stringValue().equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id + " not in response");
    }

    private List<String> idsOfHfFile(String name) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : json.readTree(TestData.hfDailyPapers().resolve(name).toFile())) {
            ids.add(e.get("paper").get("id").stringValue());
        }
        return ids;
    }
}
