package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.ingest.SourceFixtures;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperLink;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecords;
import org.dailypapers.paper.Venues;
import org.dailypapers.shared.StatisticsContributor;
import org.hamcrest.Matchers;
import org.jspecify.annotations.Nullable;
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
                            .value(Matchers.contains(1)))
                    .andExpect(jsonPath("$.facets.keyword[?(@.value == 'protein folding')].count")
                            .value(Matchers.contains(1)));
        }
    }

    @Test
    void shouldServeTheSearchPageWithMarkedMatches() throws Exception {
        mvc.perform(get("/search").param("q", "graphene"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<mark>Graphene</mark>")));
    }

    @Autowired
    protected PaperImporter importer;

    @Autowired
    protected SourceRecords records;

    /**
     * After the others (it adds two papers their totals do not count): the recorded NAACL 2025 collection and ICLR
     * 2026 submissions merged with their two real arXiv papers, found by source and venue in every mode and counted
     * in the facets of both.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void shouldFilterAndCountBySourceAndVenueInEveryMode() throws Exception {
        importer.importStream(
                "2025-12-01.jsonl",
                new ByteArrayInputStream(
                        SourceFixtures.arxivLines(Set.of(SourceFixtures.NAACL_ARXIV, SourceFixtures.ICLR_ARXIV))),
                ImportListener.NONE);
        records.upsert(SourceFixtures.acl("2025.naacl.xml"));
        records.upsert(SourceFixtures.openReviewIclr2026());
        assertThat(records.paperOf(SourceId.of("acl:" + SourceFixtures.NAACL)))
                .hasValue(ArxivId.of(SourceFixtures.NAACL_ARXIV));
        assertThat(records.paperOf(SourceId.of("openreview:" + SourceFixtures.ICLR)))
                .hasValue(ArxivId.of(SourceFixtures.ICLR_ARXIV));
        maintenance.catchUp();
        maintenance.embedMissing(ProgressListener.NONE);
        maintenance.catchUp();

        // both real papers speak of training models; none of the three made-up ones does
        String words = "training models";
        List<String> all = ids(words, SearchMode.BM25);
        assertThat(all).containsExactlyInAnyOrder(SourceFixtures.NAACL_ARXIV, SourceFixtures.ICLR_ARXIV);
        assertThat(ids(words, SearchMode.BM25, Source.ARXIV, null))
                .as("every paper is on arXiv: the same ranking")
                .isEqualTo(all);
        for (SearchMode mode : SearchMode.values()) {
            assertThat(ids(words, mode, Source.ACL, null))
                    .as(mode.apiName())
                    .containsExactly(SourceFixtures.NAACL_ARXIV);
            assertThat(ids(words, mode, null, "iclr")).as(mode.apiName()).containsExactly(SourceFixtures.ICLR_ARXIV);
            assertThat(ids(words, mode, Source.OPENREVIEW, "naacl"))
                    .as(mode.apiName())
                    .isEmpty();
            assertThat(ids(words, mode, Source.BIORXIV, null))
                    .as(mode.apiName())
                    .isEmpty();
            // counted over the hits: a merged paper under arXiv and under its other source and venue
            SearchResult r = search.search(
                    new SearchRequest(words, mode, null, null, List.of(), false, null, SearchSort.RELEVANCE, 0, 10));
            assertThat(r.facets().get("source"))
                    .as(mode.apiName())
                    .contains(
                            new FacetCount("arxiv", r.totalHits()),
                            new FacetCount("acl", 1),
                            new FacetCount("openreview", 1))
                    .noneMatch(f -> f.value().equals("biorxiv"));
            assertThat(r.facets().get("venue"))
                    .as(mode.apiName())
                    .containsExactlyInAnyOrder(new FacetCount("iclr", 1), new FacetCount("naacl", 1));
        }
        // no words: the filtered papers, newest first
        mvc.perform(get("/api/search").param("q", "").param("venue", "NAACL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(SourceFixtures.NAACL_ARXIV))
                .andExpect(jsonPath("$.facets.venue[0].value").value("naacl"))
                .andExpect(
                        jsonPath("$.facets.source[?(@.value == 'acl')].count").value(Matchers.contains(1)));
        mvc.perform(get("/api/search").param("q", words).param("mode", "bm25").param("source", "openreview"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(SourceFixtures.ICLR_ARXIV));
        mvc.perform(get("/api/papers/search").param("q", words).param("venue", "naacl"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].paper.id").value(SourceFixtures.NAACL_ARXIV));

        // the search page: facet links that toggle the filter, the current one marked, the filter kept in the form
        // in the query string, as a browser sends it (the signed-out page cache keys on it)
        mvc.perform(get(URI.create("/search?q=training%20models&mode=bm25")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<h2>Sources</h2>")))
                .andExpect(content().string(Matchers.containsString("<span>ACL Anthology</span>")))
                .andExpect(content().string(Matchers.containsString("mode=bm25&amp;source=acl\"")))
                .andExpect(content().string(Matchers.containsString("mode=bm25&amp;venue=iclr\"")));
        mvc.perform(get(URI.create("/search?q=training%20models&mode=bm25&venue=iclr")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 paper for")))
                .andExpect(content().string(Matchers.containsString("Revisiting Multilingual")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("WaveFM"))))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "<input type=\"checkbox\" name=\"venue\" value=\"iclr\" checked>")))
                // the venue's link now takes the filter away again
                .andExpect(content()
                        .string(Matchers.containsString(
                                "href=\"/search?q=training%20models&amp;mode=bm25\" aria-current=\"true\"")));
        mvc.perform(get("/feeds/search.atom").param("q", words).param("source", "acl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(SourceFixtures.NAACL_ARXIV)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(SourceFixtures.ICLR_ARXIV))))
                .andExpect(content().string(Matchers.containsString("source=acl")));
    }

    @Test
    void shouldRefuseAnUnknownSourceOrAnOverlongVenueNamingTheParameter() throws Exception {
        String longVenue = "v".repeat(Venues.MAX_LENGTH + 1);
        mvc.perform(get("/api/search").param("q", "graphene").param("source", "ssrn"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("source"))
                .andExpect(jsonPath("$.error").value(Matchers.containsString("'ssrn'")));
        mvc.perform(get("/api/search").param("q", "graphene").param("venue", longVenue))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("venue"));
        mvc.perform(get("/api/papers/search").param("q", "graphene").param("source", "nature"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("source"));
        mvc.perform(get(URI.create("/search?q=graphene&venue=" + longVenue)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("The venue 'vvv")));
        mvc.perform(get(URI.create("/search?q=graphene&source=ssrn")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("The source 'ssrn'")));
        mvc.perform(get("/feeds/search.atom").param("q", "graphene").param("source", "ssrn"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("The source 'ssrn' is unknown")));
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

    protected List<String> ids(String q, SearchMode mode, @Nullable Source source, @Nullable String venue) {
        SearchResult r = search.search(new SearchRequest(
                q, mode, null, null, List.of(), false, null, SearchSort.RELEVANCE, 0, 10, source, venue));
        assertThat(r.error()).as(q).isNull();
        return r.hits().stream().map(h -> h.id().id()).toList();
    }

    protected List<String> ids(String q, SearchMode mode) {
        SearchResult r = search.search(SearchRequest.simple(q, mode, 10));
        assertThat(r.error()).as(q).isNull();
        return r.hits().stream().map(h -> h.id().id()).toList();
    }
}
