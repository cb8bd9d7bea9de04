package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A failing similar-papers look-up is logged once with its cause and said on the page, not passed off as "none". */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"dailypapers.demo=false", "dailypapers.web.page-cache-ttl=0s"})
@AutoConfigureMockMvc
class PaperPageFailureTests {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> "");
    }

    @MockitoBean
    SearchService search;

    @Autowired
    MockMvc mvc;

    @Autowired
    PaperCatalog catalog;

    @Test
    void shouldSayThatSimilarPapersFailedAndLogTheCauseOnceWithItsStack(CapturedOutput output) throws Exception {
        ArxivId id = ArxivId.of("2512.77001");
        catalog.upsert(List.of(PaperRecord.of(new Paper(
                id,
                1,
                "A paper whose neighbours cannot be found",
                "Abstract.",
                List.of("A. Author"),
                List.of("cs.LG"),
                Instant.parse("2025-12-01T00:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null))));
        when(search.similarTo(any(), anyInt())).thenThrow(new IllegalStateException("the vector index is corrupt"));

        String first =
                mvc.perform(get("/papers/" + id.id())).andReturn().getResponse().getContentAsString();
        String second =
                mvc.perform(get("/papers/" + id.id())).andReturn().getResponse().getContentAsString();

        for (String page : List.of(first, second)) {
            assertThat(page).contains("cannot be looked up right now").doesNotContain("No similar papers found");
        }
        String log = output.getOut() + output.getErr();
        assertThat(log.split("the vector index is corrupt", -1)).hasSize(3); // once with the stack, once in a line
        assertThat(log).contains("at org.dailypapers.web.PaperController");
        assertThat(log.lines().filter(l -> l.contains("\tat org.dailypapers.web.PaperController.similar")))
                .hasSize(1);
    }
}
