package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.ingest.HarvestListener;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.PaperImporter;
import org.dailypapers.ingest.ReplayServer;
import org.dailypapers.ingest.SharedData;
import org.dailypapers.ingest.SourceFixtures;
import org.dailypapers.ingest.SourceHarvestRequest;
import org.dailypapers.ingest.SourceHarvester;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecords;
import org.hamcrest.Matchers;
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
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Papers from other sources on the site, the API and the feeds, end to end: the recorded NAACL 2025 collection and
 * ICLR 2026 notes harvested from a replay server, and two real arXiv papers of the same works imported, so that one
 * NAACL paper and one ICLR submission each share a page with their arXiv paper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "dailypapers.demo=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourcePagesTest {

    static final String NAACL = "2025.naacl-long.110";
    static final String NAACL_ARXIV = "2503.16689";
    static final String ICLR = "IKJyRyHpHV";
    static final String ICLR_ARXIV = "2510.25947";
    static final String ICLR_INVITATION = "ICLR.cc/2026/Conference/-/Submission";

    private static final Path HOME = tempHome();
    private static final ReplayServer SERVER = server();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", HOME::toString);
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.sources.acl-base-url", () -> SERVER.url("/xml"));
        registry.add("dailypapers.sources.openreview-base-url", () -> SERVER.url("/or"));
        registry.add("dailypapers.sources.request-interval", () -> "0s");
        registry.add("dailypapers.search.background-indexing", () -> "false");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SourceHarvester harvester;

    @Autowired
    PaperImporter importer;

    @Autowired
    SourceRecords records;

    @Autowired
    PaperCatalog catalog;

    static final java.time.LocalDate FEED_DAY = java.time.LocalDate.parse("2025-12-01");

    private org.dailypapers.ingest.SourceHarvestSummary openReview;

    @BeforeAll
    void harvestAndImport() throws IOException {
        importer.importStream(
                "2025-12-01.jsonl",
                new ByteArrayInputStream(SourceFixtures.arxivLines(Set.of(NAACL_ARXIV, ICLR_ARXIV))),
                ImportListener.NONE);
        // the NAACL paper on the feed of one day by hand; the ICLR one is put there by a curation rule by venue
        Paper p = catalog.find(ArxivId.of(NAACL_ARXIV)).orElseThrow();
        catalog.upsert(List.of(new PaperRecord(p, new DailyEntry(p.id(), FEED_DAY, null, null, 0, null))));
        Files.writeString(HOME.resolve("curation.yml"), "rules:\n  - name: ICLR\n    venues: [iclr]\n");
        harvester.harvest(
                new SourceHarvestRequest(Source.ACL, null, null, List.of("2025.naacl"), List.of()),
                HarvestListener.NONE);
        openReview = harvester.harvest(
                new SourceHarvestRequest(Source.OPENREVIEW, null, null, List.of(), List.of(ICLR_INVITATION)),
                HarvestListener.NONE);
    }

    @AfterAll
    void stop() {
        SERVER.close();
    }

    @Test
    void shouldShowTheArxivAndVenueRecordsOfOneWorkOnOnePage() throws Exception {
        assertThat(records.paperOf(SourceId.of("acl:" + NAACL))).hasValue(ArxivId.of(NAACL_ARXIV));
        mvc.perform(get("/papers/acl/" + NAACL)).andExpect(redirectedUrl("/papers/" + NAACL_ARXIV));

        mvc.perform(get("/papers/" + NAACL_ARXIV))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Published at NAACL 2025")))
                .andExpect(content().string(Matchers.containsString("https://aclanthology.org/" + NAACL)))
                .andExpect(content().string(Matchers.containsString("https://arxiv.org/abs/" + NAACL_ARXIV)))
                // the Cite box names the venue
                .andExpect(content().string(Matchers.containsString("booktitle = {NAACL 2025}")))
                .andExpect(content().string(Matchers.containsString("doi = {10.18653/v1/" + NAACL + "}")));

        mvc.perform(get("/papers/" + NAACL_ARXIV + ".bib"))
                .andExpect(content().string(Matchers.startsWith("@inproceedings{")))
                .andExpect(content().string(Matchers.containsString("booktitle = {NAACL 2025}")));
        mvc.perform(get("/api/papers/" + NAACL_ARXIV + "?format=bibtex"))
                .andExpect(content().string(Matchers.containsString("booktitle = {NAACL 2025}")));

        mvc.perform(get("/papers/openreview/" + ICLR)).andExpect(redirectedUrl("/papers/" + ICLR_ARXIV));
        assertThat(records.recordsOf(ArxivId.of(ICLR_ARXIV))).singleElement().satisfies(r -> assertThat(r.badge())
                .isPresent());
    }

    @Test
    void shouldLetACurationRuleByVenuePutTheMergedPaperOnTheFeed() {
        assertThat(openReview.line()).endsWith(" proposed=1 merged=1");
        assertThat(catalog.findEntry(ArxivId.of(ICLR_ARXIV)))
                .hasValueSatisfying(e -> assertThat(e.submittedBy().name()).isEqualTo("auto"));
    }

    @Test
    void shouldShowARecordThatStandsAloneUnderItsOwnPath() throws Exception {
        mvc.perform(get("/papers/acl/2025.naacl-long.1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Published at NAACL 2025")))
                .andExpect(content().string(Matchers.containsString("https://aclanthology.org/2025.naacl-long.1.pdf")))
                .andExpect(content().string(Matchers.containsString("@inproceedings{")));
        mvc.perform(get("/papers/openreview/FPLNSx1jmL"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Rejected at ICLR 2026")));
    }

    @Test
    void shouldAnswerUnknownAndMalformedIdentifiersWithAClearPage() throws Exception {
        mvc.perform(get("/papers/acl/not-an-id"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("is not an ACL Anthology id")));
        mvc.perform(get("/papers/doi/10.1101/2024.01.02.577000"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("https://doi.org/10.1101/2024.01.02.577000")));
        mvc.perform(get("/api/papers/acl/not-an-id"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"));
        mvc.perform(get("/api/papers/doi/10.1101/2024.01.02.577000")).andExpect(status().isNotFound());
    }

    @Test
    void shouldFilterTheApiBySourceAndVenueWithFacets() throws Exception {
        mvc.perform(get("/api/records").param("source", "acl").param("limit", "5"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "903"))
                .andExpect(jsonPath("$.records.length()").value(5))
                .andExpect(jsonPath("$.records[0].source").value("acl"))
                .andExpect(jsonPath("$.facets.source.acl").value(903))
                .andExpect(jsonPath("$.facets.source.openreview").value(1000))
                .andExpect(jsonPath("$.facets.venue.iclr").value(1000));
        mvc.perform(get("/api/records").param("venue", "iclr").param("limit", "1"))
                .andExpect(jsonPath("$.total").value(1000))
                .andExpect(jsonPath("$.records[0].authors[0].personId").exists());
        mvc.perform(get("/api/records").param("source", "ssrn"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("source"));
        mvc.perform(get("/api/papers/acl/" + NAACL))
                .andExpect(jsonPath("$.paper").value(NAACL_ARXIV))
                .andExpect(jsonPath("$.records[0].badge").value("Published at NAACL 2025"));
        mvc.perform(get("/api/papers/" + NAACL_ARXIV + "/records"))
                .andExpect(jsonPath("$[0].id").value("acl:" + NAACL));
        // the Hugging Face shape of the arXiv paper is unchanged
        mvc.perform(get("/api/papers/" + NAACL_ARXIV))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records").doesNotExist());
    }

    @Test
    void shouldFilterTheDailyFeedApiBySourceAndVenue() throws Exception {
        // in the query string, as a client sends them (the signed-out page cache keys on it)
        String day = "/api/daily_papers?date=" + FEED_DAY;
        mvc.perform(get(day)).andExpect(header().string("X-Total-Count", "1"));
        mvc.perform(get(day + "&venue=naacl"))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].paper.id").value(NAACL_ARXIV));
        mvc.perform(get(day + "&source=openreview")).andExpect(header().string("X-Total-Count", "0"));
        mvc.perform(get(day + "&source=arxiv")).andExpect(header().string("X-Total-Count", "1"));
        String today = "/api/daily_papers?date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        mvc.perform(get(today + "&source=openreview"))
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].paper.id").value(ICLR_ARXIV));
        mvc.perform(get("/api/daily_papers?source=nature"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("source"));
        // the daily page shows the venue badges on its cards
        mvc.perform(get("/daily/" + FEED_DAY))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("badge-venue\">Published at NAACL 2025")));
    }

    @Test
    void shouldFilterTheDailyPagesBySourceAndVenueAndKeepTheFilterInTheirLinks() throws Exception {
        String day = "/daily/" + FEED_DAY;
        mvc.perform(get(day + "?venue=naacl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 paper</p>")))
                .andExpect(content().string(Matchers.containsString("href=\"/papers/" + NAACL_ARXIV + "\"")))
                // the filter form shows what is chosen, among the venues records are known at
                .andExpect(content().string(Matchers.containsString("<option value=\"naacl\" selected>naacl</option>")))
                .andExpect(content().string(Matchers.containsString("<option value=\"iclr\">iclr</option>")))
                .andExpect(content().string(Matchers.containsString("<option value=\"acl\">ACL Anthology</option>")))
                // day, week and month, the next day, the orders and the feed keep the venue
                .andExpect(content().string(Matchers.containsString("href=\"/week/2025-W49?venue=naacl\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/month/2025-12?venue=naacl\"")))
                .andExpect(content().string(Matchers.containsString("rel=\"next\" href=\"/daily/")))
                .andExpect(content().string(Matchers.containsString("?venue=naacl\">")))
                .andExpect(content().string(Matchers.containsString("?sort=trending&amp;venue=naacl\"")))
                .andExpect(content().string(Matchers.containsString("/feeds/daily.atom?venue=naacl")));
        mvc.perform(get(day + "?source=openreview&sort=newest"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("0 papers</p>")))
                .andExpect(content()
                        .string(Matchers.containsString("No papers on Monday, December 1, 2025 from OpenReview.")))
                .andExpect(content().string(Matchers.containsString("<option value=\"openreview\" selected>")));
        mvc.perform(get("/week/2025-W49?source=ACL"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 paper</p>")))
                .andExpect(content().string(Matchers.containsString("href=\"/daily/" + FEED_DAY + "?source=acl\"")));
        mvc.perform(get("/month/2025-12?venue=iclr"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/papers/" + NAACL_ARXIV))));
        // the front page is the latest day, which the curation rule gave the ICLR paper
        mvc.perform(get("/?source=openreview"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/papers/" + ICLR_ARXIV + "\"")));
        mvc.perform(get("/?source=acl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/papers/" + ICLR_ARXIV))));
        // the list as a file keeps the filter too
        mvc.perform(get(day + ".bib?venue=naacl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("WaveFM")));
        mvc.perform(get(day + ".bib?source=openreview"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("WaveFM"))));
    }

    @Test
    void shouldFilterTheDailyAtomFeedsBySourceAndVenue() throws Exception {
        mvc.perform(get("/feeds/daily.atom?source=openreview"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<title>Daily Papers from OpenReview</title>")))
                .andExpect(content().string(Matchers.containsString("/papers/" + ICLR_ARXIV)))
                .andExpect(content().string(Matchers.containsString("/feeds/daily.atom?source=openreview")));
        mvc.perform(get("/feeds/daily.atom?venue=naacl"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/papers/" + ICLR_ARXIV))));
        mvc.perform(get("/feeds/trending.atom?venue=iclr"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/papers/" + ICLR_ARXIV)))
                .andExpect(content().string(Matchers.containsString("/trending?venue=iclr")));
    }

    @Test
    void shouldAnswerABadSourceOrVenueWithA400ThatNamesIt() throws Exception {
        String longVenue = "x".repeat(org.dailypapers.paper.Venues.MAX_LENGTH + 1);
        mvc.perform(get("/daily/" + FEED_DAY + "?source=ssrn"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("source: 'ssrn' is not one of")));
        mvc.perform(get("/week/2025-W49?venue=" + longVenue))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("venue: 'xxx")));
        mvc.perform(get(java.net.URI.create("/?venue=bad%20venue!")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("venue: 'bad venue!'")));
        mvc.perform(get("/feeds/daily.atom?source=ssrn"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.startsWith("Invalid parameter 'source': 'ssrn'")));
        mvc.perform(get("/feeds/trending.atom?venue=" + longVenue))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.startsWith("Invalid parameter 'venue'")));
        mvc.perform(get("/api/daily_papers?venue=" + longVenue))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("venue"))
                .andExpect(jsonPath("$.error").value(Matchers.containsString("at most 64 characters")));
        mvc.perform(get("/daily/" + FEED_DAY + ".ris?source=ssrn")).andExpect(status().isBadRequest());
    }

    @Test
    void shouldListRecordsWithFacetsAndFeedsPerSourceAndVenue() throws Exception {
        mvc.perform(get("/records").param("source", "openreview"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1000 records")))
                .andExpect(content().string(Matchers.containsString("/records?source=openreview&amp;venue=naacl")));
        mvc.perform(get("/records").param("venue", "bad venue!")).andExpect(status().isBadRequest());
        mvc.perform(get("/feeds/source/acl.atom"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<title>Papers from ACL Anthology</title>")))
                .andExpect(content().string(Matchers.containsString("[Published at NAACL 2025]")));
        mvc.perform(get("/feeds/venue/iclr.atom"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("[ICLR 2026 Oral]")));
        mvc.perform(get("/feeds/source/ssrn.atom"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("source: 'ssrn'")));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it undoes the ICLR merge the other tests look at
    @WithMockUser(roles = "ADMIN")
    void shouldLetAnAdminSplitAWrongMergeForGood() throws Exception {
        String key = "openreview:" + ICLR;
        mvc.perform(post("/admin/curation/records/split").with(csrf()).param("record", key))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/papers/openreview/" + ICLR));
        mvc.perform(get("/papers/openreview/" + ICLR)).andExpect(status().isOk());
        // harvested again, it stays apart
        harvester.harvest(
                new SourceHarvestRequest(Source.OPENREVIEW, null, null, List.of(), List.of(ICLR_INVITATION)),
                HarvestListener.NONE);
        assertThat(records.paperOf(SourceId.of(key))).isEmpty();
        mvc.perform(post("/admin/curation/records/split").with(csrf()).param("record", "nonsense"))
                .andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(roles = "USER")
    void shouldRefuseSplitsByReadersWhoAreNotAdmins() throws Exception {
        mvc.perform(post("/admin/curation/records/split").with(csrf()).param("record", "acl:" + NAACL))
                .andExpect(status().isForbidden());
        assertThat(records.paperOf(SourceId.of("acl:" + NAACL))).isPresent();
    }

    static ReplayServer.Reply route(ReplayServer.Request r) {
        String path = r.uri().getPath();
        if (path.equals("/xml/2025.naacl.xml")) {
            return ReplayServer.Reply.ok(SharedData.bytes(SharedData.acl("2025.naacl.xml")));
        }
        if (path.equals("/or/notes")) {
            int offset = Integer.parseInt(r.param("offset"));
            byte[] all = SharedData.bytes(SharedData.openReviewNotes());
            String body = offset == 0
                    ? "{\"count\": 1000, \"notes\": " + new String(all, StandardCharsets.UTF_8) + "}"
                    : "{\"count\": 1000, \"notes\": []}";
            return new ReplayServer.Reply(
                    200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }
        return ReplayServer.Reply.status(404, Map.of());
    }

    private static ReplayServer server() {
        try {
            return new ReplayServer(SourcePagesTest::route);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("dailypapers-source-pages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
