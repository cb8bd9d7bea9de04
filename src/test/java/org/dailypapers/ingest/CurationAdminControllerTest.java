package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The curation admin page: admins only, rules edited without losing anything, proposals removed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
class CurationAdminControllerTest {

    private static final Path HOME = tempHome();
    private static final Path RULES = HOME.resolve("curation.yml");
    private static final String VALID =
            """
            max-age-days: 2
            rules:
              - name: language models
                categories: [cs.CL]
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", HOME::toString);
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.curation.file", RULES::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PaperCatalog catalog;

    @BeforeEach
    void rules() throws IOException {
        Files.writeString(RULES, VALID);
    }

    @Test
    void shouldTurnAwayAnonymousVisitors() throws Exception {
        mvc.perform(get("/admin/curation")).andExpect(status().is4xxClientError());
        mvc.perform(post("/admin/curation/rules").with(csrf()).param("rules", "rules: []"))
                .andExpect(status().is4xxClientError());
        assertThat(Files.readString(RULES)).isEqualTo(VALID);
    }

    @Test
    @WithMockUser(roles = "USER")
    void shouldTurnAwayUsersWhoAreNotAdmins() throws Exception {
        mvc.perform(get("/admin/curation")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldShowTheRulesInForce() throws Exception {
        mvc.perform(get("/admin/curation"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<td>language models</td>")))
                .andExpect(content().string(Matchers.containsString("<strong>2</strong> day(s)")))
                .andExpect(content()
                        .string(Matchers.containsString(RULES.toAbsolutePath().toString())));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldSaveValidRules() throws Exception {
        String edited = VALID + "  - name: a lab\n    organizations: [DeepMind]\n";

        mvc.perform(post("/admin/curation/rules").with(csrf()).param("rules", edited))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/curation?notice=saved"));

        assertThat(Files.readString(RULES)).isEqualTo(edited);
        mvc.perform(get("/admin/curation?notice=saved"))
                .andExpect(content().string(Matchers.containsString("<td>a lab</td>")))
                .andExpect(content().string(Matchers.containsString("Rules saved.")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldKeepTheFileAndTheTypedTextWhenTheRulesHaveAMistake() throws Exception {
        String broken = "rules:\n  - name: typo\n    catgories: [cs.CL]\n";

        mvc.perform(post("/admin/curation/rules").with(csrf()).param("rules", broken))
                .andExpect(status().is(422))
                .andExpect(content().string(Matchers.containsString("rules[1]: unknown key 'catgories'")))
                .andExpect(content().string(Matchers.containsString("catgories: [cs.CL]")))
                // the rules still in force stay on show
                .andExpect(content().string(Matchers.containsString("<td>language models</td>")));

        assertThat(Files.readString(RULES)).isEqualTo(VALID);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldRefuseFormsWithoutCsrfToken() throws Exception {
        mvc.perform(post("/admin/curation/rules").param("rules", "rules: []")).andExpect(status().isForbidden());
        assertThat(Files.readString(RULES)).isEqualTo(VALID);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void shouldListAndRemoveProposals() throws Exception {
        Paper paper = new Paper(
                ArxivId.of("2512.00001"),
                1,
                "A proposed paper",
                "Abstract.",
                List.of("A"),
                List.of("cs.CL"),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null);
        catalog.upsert(List.of(new PaperRecord(
                paper, new DailyEntry(paper.id(), LocalDate.parse("2025-12-15"), null, Curation.AUTO, 0, null))));

        mvc.perform(get("/admin/curation")).andExpect(content().string(Matchers.containsString("A proposed paper")));
        mvc.perform(post("/admin/curation/remove").with(csrf()).param("id", "2512.00001"))
                .andExpect(redirectedUrl("/admin/curation?notice=removed"));

        assertThat(catalog.findEntry(paper.id())).isEmpty();
        mvc.perform(post("/admin/curation/remove").with(csrf()).param("id", "2512.00001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("not on the feed as a proposal")));
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("dailypapers-curation-admin-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
