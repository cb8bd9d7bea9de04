package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The harvest's SQL on PostgreSQL (the migration, stored progress, resumption, dismissals), in a schema of its own
 * that is dropped afterwards. Runs where {@code DAILYPAPERS_TEST_POSTGRES_URL} is set, as {@code .ci/run} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@org.dailypapers.NeedsPostgres
class HarvestPostgresTest {

    private static final String SCHEMA =
            "ingest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final Path HOME = tempHome();
    private static final ReplayServer SERVER = server();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String url = System.getenv("DAILYPAPERS_TEST_POSTGRES_URL");
        registry.add("dailypapers.home", HOME::toString);
        registry.add("dailypapers.db-url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("dailypapers.arxiv.oai-base-url", () -> SERVER.url("/oai2"));
        registry.add("dailypapers.arxiv.request-interval", () -> "0s");
        registry.add("dailypapers.arxiv.max-attempts", () -> "1");
        registry.add(
                "dailypapers.curation.file", () -> HOME.resolve("curation.yml").toString());
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
    JdbcClient jdbc;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @AfterAll
    static void dropSchema(@Autowired JdbcClient jdbc) {
        jdbc.sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
    }

    @Test
    void shouldResumeAfterAFailedPageAndCurateOnPostgresql() throws IOException {
        Files.writeString(HOME.resolve("curation.yml"), ArxivHarvesterTest.CURATION_RULES);
        SERVER.reset(r -> ArxivHarvesterTest.TOKEN_2.equals(r.param("resumptionToken"))
                ? ReplayServer.Reply.status(500, Map.of())
                : ArxivHarvesterTest.recordedPages(r));
        HarvestRequest request = new HarvestRequest(ArxivHarvesterTest.FROM, null, "cs", null);

        assertThatThrownBy(() -> harvester.harvest(request, HarvestListener.NONE))
                .isInstanceOf(ArxivException.class)
                .hasMessageContaining("(page 3): HTTP 500");
        HarvestProgressStore.State stopped =
                store.latestIncomplete("arXivRaw", "cs").orElseThrow();
        assertThat(stopped.pagesDone()).isEqualTo(2);
        assertThat(stopped.resumptionToken()).isEqualTo(ArxivHarvesterTest.TOKEN_2);
        assertThat(stopped.completeListSize()).isEqualTo(1440);

        SERVER.reset(ArxivHarvesterTest::recordedPages);
        HarvestSummary rerun = harvester.harvest(HarvestRequest.incremental(), HarvestListener.NONE);

        assertThat(rerun.resumedAtPage()).isEqualTo(3);
        assertThat(catalogIds())
                .isEqualTo(ArxivHarvesterTest.recordedIds(
                        ArxivHarvesterTest.PAGE_1, ArxivHarvesterTest.PAGE_2, ArxivHarvesterTest.PAGE_3));
        assertThat(store.latestIncomplete("arXivRaw", "cs")).isEmpty();
        assertThat(store.latestComplete("arXivRaw", "cs").orElseThrow().recordsDone())
                .isEqualTo(396);
        // the thirteen of ArxivHarvesterTest, and 1512.04829, which no person submitted here
        assertThat(catalog.counts().dailyEntries()).isEqualTo(14);

        assertThat(curation.dismiss(ArxivId.of("1604.03168"))).isTrue();
        assertThat(store.dismissed(java.util.List.of(ArxivId.of("1604.03168"), ArxivId.of("1604.04764"))))
                .containsExactly("1604.03168");
        assertThat(harvester.harvest(request, HarvestListener.NONE).proposed()).isZero();
        assertThat(catalog.counts().dailyEntries()).isEqualTo(13);
    }

    private Set<String> catalogIds() {
        Set<String> ids = new TreeSet<>();
        catalog.changedSince(-1, 100_000).forEach(c -> ids.add(c.paper().id().id()));
        return ids;
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("dailypapers-harvest-pg-");
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
