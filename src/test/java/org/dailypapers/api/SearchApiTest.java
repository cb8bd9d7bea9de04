package org.dailypapers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchService;
import org.dailypapers.shared.StatisticsContributor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    /** Made here, not by @TempDir: the properties are read before JUnit fills static @TempDir fields. */
    static final Path home = newHome();

    static Path newHome() {
        try {
            return Files.createTempDirectory("dailypapers-search-api-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void removeHome() {
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.demo", () -> "false");
        registry.add("dailypapers.db-url", () -> "");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    SearchService search;

    @Autowired
    SearchMaintenance maintenance;

    @Autowired
    List<StatisticsContributor> statistics;

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
        // The background indexer picks these up on its own (tested below); waiting for it here makes the other
        // tests independent of its timing.
        maintenance.catchUp();
        maintenance.embedMissing(ProgressListener.NONE);
    }

    @Test
    void shouldAnswerHfStyleSearchWithDailyPaperEntries() throws Exception {
        mvc.perform(get("/api/papers/search").param("q", "protein folding").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].paper.id").value("2501.00001"))
                .andExpect(jsonPath("$[0].title").value("Transformers for <b>Protein</b> Folding"))
                .andExpect(jsonPath("$[0].summary").exists())
                .andExpect(jsonPath("$[0].publishedAt").value("2025-01-03T08:00:00.000Z"))
                .andExpect(jsonPath("$[0].numComments").value(3))
                .andExpect(jsonPath("$[0].organization.name").value("deepmind"));
    }

    @Test
    void shouldAnswerRichSearchWithTotalsFacetsAndEscapedSnippets() throws Exception {
        mvc.perform(get("/api/search").param("q", "transformers").param("mode", "bm25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.mode").value("bm25"))
                .andExpect(jsonPath("$.items[0].id").value("2501.00001"))
                .andExpect(jsonPath("$.items[0].titleHighlight")
                        .value("<mark>Transformers</mark> for &lt;b&gt;Protein&lt;&#x2F;b&gt; Folding"))
                .andExpect(jsonPath("$.items[0].paper.paper.upvotes").value(42))
                .andExpect(jsonPath("$.facets.year[0].value").value("2025"))
                .andExpect(jsonPath("$.facets.year[0].count").value(2));
        mvc.perform(get("/api/search")
                        .param("q", "transformers")
                        .param("cat", "cs.IR")
                        .param("from", "2025-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("2503.00003"));
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
    }

    @Test
    void shouldRejectBadParametersNamingThem() throws Exception {
        Map<String, String[]> bad = Map.of(
                "mode", new String[] {"mode", "fuzzy"},
                "sort", new String[] {"sort", "stars"},
                "from", new String[] {"from", "2025-13-01"},
                "cat", new String[] {"cat", "not a category"},
                "size", new String[] {"size", "0"},
                "page", new String[] {"page", "x"},
                "q", new String[] {"q", "aa~2 ba~2 ca~2 da~2 ea~2 fa~2 ga~2 ha~2 ia~2 ja~2"});
        for (var e : bad.entrySet()) {
            mvc.perform(get("/api/search").param(e.getValue()[0], e.getValue()[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.parameter").value(e.getKey()));
        }
        mvc.perform(get("/api/papers/search"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("q"));
        mvc.perform(get("/api/papers/search").param("q", "x").param("limit", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("limit"));
    }

    @Test
    void shouldListSimilarPapersWithoutThePaperItself() throws Exception {
        mvc.perform(get("/api/papers/2503.00003/similar").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].paper.id").value("2501.00001"));
        mvc.perform(get("/api/papers/2512.99999/similar")).andExpect(status().isNotFound());
        mvc.perform(get("/api/papers/2501.00001")).andExpect(status().isOk());
        assertThat(search.similarToText("heat transport in carbon monolayers", 1))
                .extracting(h -> h.id().id())
                .containsExactly("2402.00002");
    }

    @Test
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
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(search.search(SearchRequest.simple("surface codes", SearchMode.BM25, 5))
                                .hits())
                        .extracting(h -> h.id().id())
                        .containsExactly("2505.00005"));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(statistics.stream()
                        .flatMap(s -> s.statistics().entrySet().stream())
                        .filter(e -> e.getKey().equals("embedded"))
                        .map(Map.Entry::getValue))
                .containsExactly(catalog.counts().papers()));
        assertThat(statistics.stream()
                        .flatMap(s -> s.statistics().entrySet().stream())
                        .filter(e -> e.getKey().equals("indexed"))
                        .map(Map.Entry::getValue))
                .containsExactly(catalog.counts().papers());
    }

    @Test
    void shouldRebuildTheIndexFromTheCatalogWithoutRecomputingVectors() {
        long papers = catalog.counts().papers();
        assertThat(maintenance.rebuild(ProgressListener.NONE)).isEqualTo(papers);
        // Straight after the rebuild every paper has its vector again: they came from the database.
        Map<String, Long> lines = new java.util.HashMap<>();
        statistics.forEach(s -> lines.putAll(s.statistics()));
        assertThat(lines).containsEntry("indexed", papers).containsEntry("embedded", papers);
        assertThat(search.search(SearchRequest.simple("graphene", SearchMode.HYBRID, 1))
                        .hits())
                .extracting(h -> h.id().id())
                .containsExactly("2402.00002");
    }
}
