package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperLink;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The search page and similar papers against the {@link SearchService} contract, with the service's answers
 * scripted: the page must ask with the reader's parameters and show what comes back (highlights, facets, pages,
 * query errors). The real index is exercised by the browser test once the search module is in the build.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dailypapers.demo=false", "dailypapers.db-url="})
class SearchPageTests {

    private static final ArxivId DIFFUSION = ArxivId.of("2501.00001");
    private static final ArxivId TRANSFORMER = ArxivId.of("2501.00002");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("dailypapers-search-page-test-");
        registry.add("dailypapers.home", home::toString);
    }

    @MockitoBean
    SearchService search;

    @Autowired
    PaperCatalog catalog;

    @LocalServerPort
    int port;

    @BeforeEach
    void papers() {
        catalog.upsert(List.of(
                record(DIFFUSION, "Video <script>alert(1)</script> Diffusion at Scale", "cs.CV"),
                record(TRANSFORMER, "Transformers for Retrieval", "cs.IR")));
    }

    @Test
    void shouldAskWithTheReadersParametersAndShowHighlightsFacetsAndPages() throws Exception {
        when(search.search(any()))
                .thenReturn(new SearchResult(
                        45,
                        List.of(new SearchHit(
                                DIFFUSION,
                                1.0,
                                "Video &lt;script&gt; <mark>Diffusion</mark> at Scale",
                                "We scale <mark>diffusion</mark> models to long videos.")),
                        Map.of(
                                "category", List.of(new FacetCount("cs.CV", 30), new FacetCount("cs.LG", 15)),
                                "year", List.of(new FacetCount("2025", 45))),
                        null));
        HttpResponse<String> r = get("/search?q=diffusion&mode=dense&category=cs.CV&code=1&sort=date");
        assertThat(r.statusCode()).isEqualTo(200);
        ArgumentCaptor<SearchRequest> asked = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search).search(asked.capture());
        assertThat(asked.getValue().query()).isEqualTo("diffusion");
        assertThat(asked.getValue().mode()).isEqualTo(SearchMode.DENSE);
        assertThat(asked.getValue().categories()).containsExactly("cs.CV");
        assertThat(asked.getValue().hasCode()).isTrue();
        assertThat(asked.getValue().page()).isZero();
        assertThat(r.body())
                .contains("<mark>Diffusion</mark>")
                .contains("We scale <mark>diffusion</mark> models")
                .doesNotContain("<script>alert(1)</script>")
                .contains("45 papers for “diffusion” · page 1 of 3")
                .contains("href=\"/search?q=diffusion&amp;mode=dense&amp;code=1&amp;sort=date\"")
                .contains(
                        "href=\"/search?q=diffusion&amp;mode=dense&amp;category=cs.CV&amp;category=cs.LG&amp;code=1&amp;sort=date\"")
                .contains(
                        "href=\"/search?q=diffusion&amp;mode=dense&amp;category=cs.CV&amp;code=1&amp;sort=date&amp;page=2\"")
                .contains("value=\"dense\" checked")
                .contains(
                        "href=\"/feeds/search.atom?q=diffusion&amp;mode=dense&amp;category=cs.CV&amp;code=1&amp;sort=date\"");
    }

    /** Not an assertion on pixels: screenshots of the results page, light and dark, for people to look at. */
    @Test
    void shouldRenderResultsInABrowser(@org.junit.jupiter.api.io.TempDir Path profile) {
        when(search.search(any()))
                .thenReturn(new SearchResult(
                        45,
                        List.of(
                                new SearchHit(
                                        DIFFUSION,
                                        1.0,
                                        "Video &lt;script&gt;alert(1)&lt;/script&gt; <mark>Diffusion</mark> at Scale",
                                        "We scale <mark>diffusion</mark> models to long videos and study retrieval."),
                                new SearchHit(
                                        TRANSFORMER, 0.5, null, "Transformers for <mark>diffusion</mark> retrieval.")),
                        Map.of(
                                "category", List.of(new FacetCount("cs.CV", 30), new FacetCount("cs.IR", 15)),
                                "year", List.of(new FacetCount("2025", 45))),
                        null));
        org.openqa.selenium.chrome.ChromeDriver driver = HeadlessChromium.start(profile);
        try {
            driver.get("http://localhost:" + port + "/search?q=diffusion&category=cs.CV");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#results .card"))
                            .isEmpty());
            assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("#results .card-title mark")))
                    .hasSize(1);
            HeadlessChromium.shot(driver, "10-search-results-scripted");
            HeadlessChromium.darkShot(driver, "10-search-results-scripted-dark");
        } finally {
            driver.quit();
        }
    }

    @Test
    void shouldExplainAQueryTheIndexCannotParse() throws Exception {
        when(search.search(any())).thenReturn(SearchResult.error("Unbalanced quote in \"diffusion"));
        HttpResponse<String> r = get("/search?q=%22diffusion");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("That search did not work.").contains("Unbalanced quote in \"diffusion");
    }

    @Test
    void shouldExplainABadParameterWithoutAsking() throws Exception {
        HttpResponse<String> r = get("/search?q=x&mode=psychic");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The mode 'psychic' is unknown; use bm25, dense or hybrid.");
    }

    @Test
    void shouldShowSimilarPapersOnThePaperPage() throws Exception {
        when(search.similarTo(eq(DIFFUSION), anyInt()))
                .thenReturn(List.of(new SearchHit(TRANSFORMER, 0.9, null, null)));
        HttpResponse<String> r = get("/papers/2501.00001");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("<h1>Video &lt;script&gt;alert(1)&lt;/script&gt; Diffusion at Scale</h1>")
                .contains("href=\"/papers/2501.00002\">Transformers for Retrieval</a>");
    }

    @Test
    void shouldListAnAuthorsPapersThroughSearch() throws Exception {
        when(search.search(any()))
                .thenReturn(new SearchResult(1, List.of(new SearchHit(TRANSFORMER, 1, null, null)), Map.of(), null));
        HttpResponse<String> r = get("/authors/Ada%20Lovelace");
        assertThat(r.statusCode()).isEqualTo(200);
        ArgumentCaptor<SearchRequest> asked = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search).search(asked.capture());
        assertThat(asked.getValue().query()).isEqualTo("author:\"Ada Lovelace\"");
        assertThat(r.body()).contains("Transformers for Retrieval").contains("/feeds/authors/Ada%20Lovelace.atom");
    }

    @Test
    void shouldShowChangesToTheCatalogAtOnceDespiteTheCache() throws Exception {
        assertThat(get("/daily/2025-01-03").body()).contains("2 papers").doesNotContain("A Third Paper");
        catalog.upsert(List.of(record(ArxivId.of("2501.00003"), "A Third Paper", "cs.LG")));
        assertThat(get("/daily/2025-01-03").body()).contains("3 papers").contains("A Third Paper");
        catalog.addUpvotes(TRANSFORMER, 5);
        assertThat(get("/daily/2025-01-03").body()).contains("<span class=\"upvote-count\">12</span>");
    }

    private static PaperRecord record(ArxivId id, String title, String category) {
        Paper p = new Paper(
                id,
                1,
                title,
                "We scale diffusion models to long videos and study retrieval.",
                List.of("Ada Lovelace", "Alan Turing"),
                List.of(category),
                Instant.parse("2025-01-02T10:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(new PaperLink(PaperLink.Kind.CODE, "https://github.com/example/repo")),
                7,
                null);
        return new PaperRecord(p, new DailyEntry(id, LocalDate.of(2025, 1, 3), null, null, 0, null));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
