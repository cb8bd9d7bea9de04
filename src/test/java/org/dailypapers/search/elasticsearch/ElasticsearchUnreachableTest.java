package org.dailypapers.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.shared.StatisticsContributor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * Elasticsearch selected but not reachable (nothing listens on the port): searches answer 503 with a message, page
 * and JSON alike; pages that need no search work; catalog writes succeed; health says the search component is
 * down. Needs no cluster.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchUnreachableTest {

    static final Path home = newHome();

    static Path newHome() {
        try {
            return Files.createTempDirectory("dailypapers-es-down-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.demo", () -> "false");
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.search.backend", () -> "elasticsearch");
        // The discard port: nothing listens there, connections are refused at once.
        registry.add("dailypapers.search.elasticsearch.uris", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    void removeHome() {
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    List<StatisticsContributor> statistics;

    @Test
    void shouldAnswerSearchesWith503AndAMessageAndKeepEverythingElse() throws Exception {
        catalog.upsert(List.of(PaperRecord.of(new Paper(
                ArxivId.of("2501.00001"),
                1,
                "Transformers for Protein Folding",
                "We fold proteins with transformers.",
                List.of("Ada Lovelace"),
                List.of("cs.LG"),
                Instant.parse("2025-01-02T10:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null))));
        assertThat(catalog.counts().papers())
                .as("catalog writes are never lost")
                .isEqualTo(1);

        mvc.perform(get("/api/search").param("q", "transformers"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("Search is unavailable")));
        mvc.perform(get("/api/papers/search").param("q", "transformers"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("search cluster does not answer")));
        mvc.perform(get("/search").param("q", "transformers"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(Matchers.containsString("Search is unavailable")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));

        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/papers/2501.00001")).andExpect(status().isOk());
        mvc.perform(get("/api/daily_papers")).andExpect(status().isOk());

        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.search.status").value("DOWN"));

        assertThat(statistics.stream().flatMap(s -> s.labels().entrySet().stream()))
                .anySatisfy(e -> assertThat(e.toString()).isEqualTo("search_backend=elasticsearch"));
    }
}
