package org.dailypapers.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.SearchMaintenance;
import org.dailypapers.shared.StartupTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A proxy asks {@code /actuator/health/readiness} whether to send readers to an instance: not before the startup
 * work of {@code serve} is done (the demo data), and not while search has none of the catalog's papers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "dailypapers.demo=false",
            "dailypapers.serve.startup-tasks=true",
            "dailypapers.search.background-indexing=false"
        })
@AutoConfigureMockMvc
class ReadinessTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("readiness-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StartupTasks startup;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    SearchMaintenance search;

    @Test
    void shouldBeOutOfServiceUntilStartupWorkIsDoneAndSearchHasTheCatalogsPapers() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());

        startup.done();
        ArxivId id = ArxivId.of("2512.07001");
        catalog.upsert(List.of(new PaperRecord(
                new Paper(
                        id,
                        1,
                        "Readiness Probes for Stateless Web Services",
                        "When may a proxy send readers to a new instance?",
                        List.of("Ada Lovelace"),
                        List.of("cs.DC"),
                        Instant.parse("2025-12-14T10:00:00Z"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        0,
                        null),
                new DailyEntry(id, LocalDate.of(2025, 12, 15), null, null, 0, null))));
        // startup work done, but papers in the catalog and none in the index: a reader would find nothing
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));

        search.catchUp();
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
