package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperLink;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.shared.StatisticsContributor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * What every search backend must do, through the application as readers and programs use it: the site's search
 * page, {@code /api/search}, {@code /api/papers/search}, similar papers, keeping in step with the catalog and the
 * statistics. One subclass per backend selects it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class SearchContractTest {

    static final Path home = newHome();

    static Path newHome() {
        try {
            return Files.createTempDirectory("dailypapers-search-contract-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void commonProperties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.demo", () -> "false");
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.search.poll-interval", () -> "500ms");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected PaperCatalog catalog;

    @Autowired
    protected SearchService search;

    @Autowired
    protected SearchMaintenance maintenance;

    @Autowired
    protected List<StatisticsContributor> statistics;

    /** The value {@code stats} prints as {@code search_backend}. */
    protected abstract String backendName();

    static Paper paper(
            String id, String title, String abs, List<String> cats, String published, int upvotes, boolean code) {
        return new Paper(
                ArxivId.of(id),
                1,
                title,
                abs,
                List.of("Ada Lovelace", "Alan Turing"),
                cats,
                Instant.parse(published),
                null,
                null,
                null,
                null,
                null,
                code ? List.of(new PaperLink(PaperLink.Kind.CODE, "https://github.com/x/y")) : List.of(),
                upvotes,
                null);
    }

    @BeforeAll
    void load() {
        Paper transformer = paper(
                "2501.00001",
                "Transformers for <b>Protein</b> Folding",
                "We fold proteins with attention-based transformers and beat physics-based baselines.",
                List.of("cs.LG", "q-bio.BM"),
                "2025-01-02T10:00:00Z",
                42,
                true);
        Paper graphene = paper(
                "2402.00002",
                "Graphene Conductivity at Low Temperature",
                "We measure the thermal conductivity of graphene sheets below ten kelvin.",
                List.of("cond-mat.mes-hall"),
                "2024-02-03T10:00:00Z",
                1,
                false);
        Paper retrieval = paper(
                "2503.00003",
                "Dense Retrieval for Scientific Claims",
                "Dense retrieval with transformer encoders finds evidence for scientific claims.",
                List.of("cs.IR", "cs.CL"),
                "2025-03-04T10:00:00Z",
                7,
                false);
        DailyEntry entry = new DailyEntry(
                ArxivId.of("2501.00001"),
                LocalDate.of(2025, 1, 3),
                Instant.parse("2025-01-03T08:00:00Z"),
                new DailyEntry.Submitter("akhaliq", null, null),
                3,
                new DailyEntry.Organization("deepmind", "Google DeepMind", null));
        catalog.upsert(
                List.of(new PaperRecord(transformer, entry), PaperRecord.of(graphene), PaperRecord.of(retrieval)));
        maintenance.catchUp();
        maintenance.embedMissing(ProgressListener.NONE);
        maintenance.catchUp();
    }

    @AfterAll
    void removeHome() {
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    @Test
    void shouldAnswerHfStyleSearchWithDailyPaperEntries() throws Exception {
        mvc.perform(get("/api/papers/search").param("q", "protein folding").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].paper.id").value("2501.00001"))
                .andExpect(jsonPath("$[0].title").value("Transformers for <b>Protein</b> Folding"))
                .andExpect(jsonPath("$[0].organization.name").value("deepmind"));
    }

    @Test
    void shouldAnswerWithTotalsFacetsHighlightsFiltersSortAndPages() throws Exception {
        mvc.perform(get("/api/search").param("q", "transformers").param("mode", "bm25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].id").value("2501.00001"))
                .andExpect(jsonPath("$.items[0].titleHighlight")
                        .value("<mark>Transformers</mark> for &lt;b&gt;Protein&lt;&#x2F;b&gt; Folding"))
                .andExpect(jsonPath("$.facets.year[0].value").value("2025"))
                .andExpect(jsonPath("$.facets.year[0].count").value(2))
                .andExpect(jsonPath("$.facets.category[0].count").value(1));
        mvc.perform(get("/api/search")
                        .param("q", "transformers")
                        .param("cat", "cs.IR")
                        .param("from", "2025-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("2503.00003"));
        mvc.perform(get("/api/search")
                        .param("q", "transformers")
                        .param("cat", "cs")
                        .param("to", "2025-02-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("2501.00001"));
        mvc.perform(get("/api/search")
                        .param("q", "author:turing")
                        .param("sort", "upvotes")
                        .param("size", "1")
                        .param("page", "1")
                        .param("mode", "bm25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].id").value("2503.00003"));
        mvc.perform(get("/api/search").param("q", "").param("has_code", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("2501.00001"));
        mvc.perform(get("/api/search").param("q", "").param("sort", "date").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("2503.00003"));
    }

    @Test
    void shouldUnderstandTheSearchBoxSyntax() {
        assertThat(ids("\"thermal conductivity\"", SearchMode.BM25)).containsExactly("2402.00002");
        assertThat(ids("title:retrieval", SearchMode.BM25)).containsExactly("2503.00003");
        assertThat(ids("cat:cond-mat.mes-hall", SearchMode.BM25)).containsExactly("2402.00002");
        assertThat(ids("transform*", SearchMode.BM25)).containsExactlyInAnyOrder("2501.00001", "2503.00003");
        assertThat(ids("transformers -protein", SearchMode.BM25)).containsExactly("2503.00003");
        assertThat(ids("NOT graphene", SearchMode.BM25)).isEmpty();
        // Not well-formed syntax: searched as the words it holds, never refused.
        SearchResult unbalanced = search.search(SearchRequest.simple("attention AND (transformer", SearchMode.BM25, 5));
        assertThat(unbalanced.error()).isNull();
        assertThat(unbalanced.hits()).isNotEmpty();
        // What cannot run cheaply is refused with the reason.
        assertThat(search.search(SearchRequest.simple("aa~2 ba~2 ca~2 da~2 ea~2 fa~2", SearchMode.BM25, 5))
                        .error())
                .contains("at most 4");
    }

    @Test
    void shouldRankByMeaningAndFuseBothLists() throws Exception {
        assertThat(ids("how do proteins fold", SearchMode.DENSE).getFirst()).isEqualTo("2501.00001");
        assertThat(ids("evidence retrieval for claims", SearchMode.HYBRID).getFirst())
                .isEqualTo("2503.00003");
        mvc.perform(get("/api/search")
                        .param("q", "thermal conductivity of carbon sheets")
                        .param("mode", "dense"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("2402.00002"))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/search")
                        .param("q", "transformers")
                        .param("mode", "hybrid")
                        .param("sort", "date"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("2503.00003"));
    }

    @Test
    void shouldListSimilarPapersWithoutThePaperItself() throws Exception {
        mvc.perform(get("/api/papers/2503.00003/similar").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].paper.id").value("2501.00001"));
        assertThat(search.similarToText("heat transport in carbon monolayers", 1))
                .extracting(h -> h.id().id())
                .containsExactly("2402.00002");
    }

    @Autowired
    protected org.dailypapers.summary.PaperSummaries summaries;

    @Test
    void shouldFilterByKeywordsAndCountThemInEveryMode() throws Exception {
        summaries.recordImported(List.of(new org.dailypapers.summary.ImportedSummary(
                ArxivId.of("2501.00001"), null, List.of("Large Language Models (LLMs)", "protein folding"))));
        // Rewritten in the background once the keywords are known; by the acronym, the expansion or the whole.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(ids("keyword:llms", SearchMode.BM25))
                .containsExactly("2501.00001"));
        assertThat(ids("keyword:\"large language models\"", SearchMode.BM25)).containsExactly("2501.00001");
        for (String mode : List.of("bm25", "hybrid", "dense")) {
            mvc.perform(get("/api/search").param("q", "transformers").param("mode", mode))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.facets.keyword[?(@.value == 'Large Language Models (LLMs)')].count")
                            .value(org.hamcrest.Matchers.contains(1)))
                    .andExpect(jsonPath("$.facets.keyword[?(@.value == 'protein folding')].count")
                            .value(org.hamcrest.Matchers.contains(1)));
        }
    }

    @Test
    void shouldServeTheSearchPageWithMarkedMatches() throws Exception {
        mvc.perform(get("/search").param("q", "graphene"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<mark>Graphene</mark>")));
    }

    /** Last: it adds a paper the other tests' totals do not count. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldIndexNewPapersInTheBackgroundAndCountThem() {
        Paper late = paper(
                "2505.00005",
                "Quantum Error Correction with Surface Codes",
                "Surface codes protect logical qubits against decoherence.",
                List.of("quant-ph"),
                "2025-05-05T10:00:00Z",
                0,
                false);
        catalog.upsert(List.of(PaperRecord.of(late)));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(ids("surface codes", SearchMode.BM25))
                .contains("2505.00005"));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            Map<String, Long> lines = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            statistics.forEach(s -> {
                lines.putAll(s.statistics());
                labels.putAll(s.labels());
            });
            assertThat(labels).containsEntry("search_backend", backendName());
            assertThat(lines).containsEntry("indexed", catalog.counts().papers());
            assertThat(lines).containsEntry("embedded", catalog.counts().papers());
        });
    }

    protected List<String> ids(String q, SearchMode mode) {
        SearchResult r = search.search(SearchRequest.simple(q, mode, 10));
        assertThat(r.error()).as(q).isNull();
        return r.hits().stream().map(h -> h.id().id()).toList();
    }
}
