package org.dailypapers.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.dailypapers.community.Authorship;
import org.dailypapers.community.Upvotes;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows and "For you" through the site and the API with the production security rules: follows with keywords,
 * reasons on the page and in JSON, "not interested" with undo (htmx and API), the private feed and its revocation,
 * the follow button's states. Similarity comes from a word-overlap stand-in for the search module, so these tests pin
 * how the page uses the interfaces; the ranking itself is {@link RankingTests}'s.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "dailypapers.demo=false",
            "dailypapers.digest.scheduling=false",
            "dailypapers.webhooks.scheduling=false"
        })
@AutoConfigureMockMvc
class ForYouWebTests {

    static final LocalDate DAY = LocalDate.of(2025, 12, 15);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("for-you-web-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    Upvotes upvotes;

    @Autowired
    Authorship authorship;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    private Account account(boolean admin) {
        return accounts.createUser(
                "reader" + COUNTER.incrementAndGet() + "@example.org", "correct horse battery", admin);
    }

    private String bearer(Account a) {
        return "Bearer " + accounts.createToken(a.id(), "test").token();
    }

    private ArxivId paper(String title, String abstractText, List<String> authors, String category) {
        ArxivId id = ArxivId.of(String.format("2512.%05d", 60_000 + COUNTER.incrementAndGet()));
        catalog.upsert(List.of(new PaperRecord(
                new Paper(
                        id,
                        1,
                        title,
                        abstractText,
                        authors,
                        List.of(category),
                        Instant.parse("2025-12-14T10:00:00Z"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        1,
                        null),
                new DailyEntry(id, DAY, Instant.parse("2025-12-15T08:00:00Z"), null, 0, null))));
        return id;
    }

    private JsonNode forYou(String bearer) throws Exception {
        return json.readTree(mvc.perform(get("/api/for-you?limit=100").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static Map<String, String> reasons(JsonNode page) {
        Map<String, String> out = new java.util.HashMap<>();
        page.get("papers")
                .forEach(p -> out.put(
                        p.get("id").asString(),
                        p.get("reasons").get(0).get("text").asString()));
        return out;
    }

    @Test
    void shouldFollowThroughTheApiWithKeywords() throws Exception {
        Account reader = account(false);
        String token = bearer(reader);
        String category = "cs.NE";
        ArxivId wanted = paper("Diffusion for Spiking Networks", "A diffusion model.", List.of("Ann One"), category);
        ArxivId excluded =
                paper("Diffusion in Medical Imaging", "A medical diffusion model.", List.of("Ann Two"), category);
        ArxivId noKeyword = paper("Evolving Topologies", "Neuroevolution.", List.of("Ann Three"), category);

        String created = mvc.perform(post("/api/follows")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"category\",\"target\":\"" + category
                                + "\",\"include\":[\"diffusion\"],\"exclude\":\"medical\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode follow = json.readTree(created);
        assertThat(follow.get("include").get(0).asString()).isEqualTo("diffusion");
        assertThat(follow.get("exclude").get(0).asString()).isEqualTo("medical");

        JsonNode list = json.readTree(mvc.perform(get("/api/follows").header("Authorization", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("url").asString()).isEqualTo("/categories/cs.NE");

        Map<String, String> reasons = reasons(forYou(token));
        assertThat(reasons).containsEntry(wanted.id(), "In cs.NE, which you follow");
        assertThat(reasons).doesNotContainKeys(excluded.id(), noKeyword.id());

        mvc.perform(post("/api/follows")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"planet\",\"target\":\"Mars\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"parameter\":\"kind\""));
        mvc.perform(get("/api/follows")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/follows").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());

        String id = follow.get("id").asString();
        mvc.perform(delete("/api/follows/" + id).header("Authorization", token)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/follows/" + id).header("Authorization", token)).andExpect(status().isNotFound());
        assertThat(reasons(forYou(token))).isEmpty();
    }

    @Test
    void shouldExplainEachRecommendation() throws Exception {
        Account reader = account(false);
        Account author = account(false);
        Account admin = account(true);
        String token = bearer(reader);
        ArxivId liked = paper("Quantum Error Correction Codes", "Surface codes.", List.of("Bea Liked"), "quant-ph");
        ArxivId similar =
                paper("Quantum Error Correction Decoders", "Faster decoding.", List.of("Cy Other"), "quant-ph");
        ArxivId claimedPaper = paper("Old Paper of a Claimed Author", "Older work.", List.of("Dee Claimed"), "math.CO");
        authorship.claim(author.principal(), claimedPaper, "Dee Claimed");
        authorship.decide(admin.principal(), author.id(), claimedPaper, true);
        ArxivId byClaimed = paper("Graphs and Colourings", "Colourings.", List.of("Dee Claimed"), "math.CO");
        ArxivId byName = paper("Lattices in Number Theory", "Lattices.", List.of("Eve Named"), "math.NT");
        ArxivId searched = paper("Zebrafish Regeneration", "Zebrafish fins.", List.of("Fay Searched"), "q-bio.TO");
        upvotes.upvote(reader.id(), liked);
        for (String body : List.of(
                "{\"kind\":\"claimed-author\",\"target\":\"@" + author.handle() + "\"}",
                "{\"kind\":\"author\",\"target\":\"Eve Named\"}",
                "{\"kind\":\"search\",\"target\":\"zebrafish\"}")) {
            mvc.perform(post("/api/follows")
                            .header("Authorization", token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated());
        }

        Map<String, String> reasons = reasons(forYou(token));

        assertThat(reasons)
                .containsEntry(similar.id(), "Similar to \u201cQuantum Error Correction Codes\u201d that you upvoted")
                .containsEntry(byClaimed.id(), "By Dee Claimed (@" + author.handle() + "), whom you follow")
                .containsEntry(byName.id(), "By Eve Named, whom you follow")
                .containsEntry(searched.id(), "Matches your search \u201czebrafish\u201d")
                .doesNotContainKey(liked.id());
        String page = mvc.perform(get("/for-you").with(user(reader.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("By Eve Named, whom you follow").contains("Not interested");
        mvc.perform(get("/for-you")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void shouldHideAPaperMarkedNotInterestedAndUndo() throws Exception {
        Account reader = account(false);
        String token = bearer(reader);
        ArxivId liked = paper("Protein Structure Prediction", "Folding.", List.of("Gil Liked"), "q-bio.BM");
        ArxivId near = paper("Protein Structure Design", "Design.", List.of("Hal Near"), "q-bio.BM");
        upvotes.upvote(reader.id(), liked);
        assertThat(reasons(forYou(token))).containsKey(near.id());

        mvc.perform(post("/api/for-you/not-interested")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + near.id() + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(reasons(forYou(token))).doesNotContainKey(near.id());
        mvc.perform(delete("/api/for-you/not-interested/" + near.id()).header("Authorization", token))
                .andExpect(status().isNoContent());
        assertThat(reasons(forYou(token))).containsKey(near.id());

        String fragment = mvc.perform(post("/for-you/not-interested")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("id", near.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("Undo").doesNotContain("<html");
        assertThat(reasons(forYou(token))).doesNotContainKey(near.id());
        mvc.perform(post("/for-you/not-interested/undo")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("id", near.id()))
                .andExpect(status().isOk())
                .andExpect(
                        r -> assertThat(r.getResponse().getHeader("HX-Refresh")).isEqualTo("true"));
        assertThat(reasons(forYou(token))).containsKey(near.id());
    }

    @Test
    void shouldServeThePrivateFeedUntilRevoked() throws Exception {
        Account reader = account(false);
        paper("Feeds for Everyone", "Syndication.", List.of("Ivy Feed"), "cs.DL");
        mvc.perform(post("/follows")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .param("kind", "category")
                        .param("target", "cs.DL"))
                .andExpect(redirectedUrl("/follows"));

        String page = mvc.perform(
                        post("/for-you/feed").with(user(reader.principal())).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("(/for-you/feed/[A-Za-z0-9_-]+\\.atom)").matcher(page);
        assertThat(m.find()).isTrue();
        String feed = m.group(1);

        String atom = mvc.perform(get(feed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(atom).contains("<feed").contains("Feeds for Everyone").contains("In cs.DL, which you follow");

        mvc.perform(post("/for-you/feed/revoke").with(user(reader.principal())).with(csrf()))
                .andExpect(redirectedUrl("/for-you"));
        mvc.perform(get(feed)).andExpect(status().isNotFound());
    }

    @Test
    void shouldToggleTheFollowButtonWithHtmx() throws Exception {
        Account reader = account(false);
        String category =
                mvc.perform(get("/categories/cs.GT")).andReturn().getResponse().getContentAsString();
        assertThat(category).contains("hx-get=\"/follows/button?kind=category&amp;target=cs.GT\"");

        String button = mvc.perform(
                        get("/follows/button?kind=category&target=cs.GT").with(user(reader.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(button).contains("Follow cs.GT");
        String following = mvc.perform(post("/follows")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("kind", "category")
                        .param("target", "cs.GT"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(following).contains("Following cs.GT");
        Matcher m = Pattern.compile("/follows/(\\d+)/delete").matcher(following);
        assertThat(m.find()).isTrue();
        String unfollowed = mvc.perform(post("/follows/" + m.group(1) + "/delete")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(unfollowed).contains("Follow cs.GT").doesNotContain("Following");
        mvc.perform(get("/follows/button?kind=category&target=cs.GT"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("href=\"/login\""));
    }

    @Test
    void shouldRefusePrivateWebhookUrlsAndShowTheLastFailure() throws Exception {
        Account reader = account(false);
        String refused = mvc.perform(post("/settings/webhooks")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .param("shape", "slack")
                        .param("url", "http://169.254.169.254/latest/meta-data/"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("private, loopback or link-local address");

        mvc.perform(post("/settings/webhooks")
                        .with(user(reader.principal()))
                        .with(csrf())
                        .param("shape", "json")
                        .param("url", "https://93.184.216.34/hooks/papers"))
                .andExpect(status().isOk());
        jdbc.sql("UPDATE webhook SET status = 'DISABLED', last_error = 'HTTP 410: gone' WHERE user_id = ?")
                .param(reader.id())
                .update();
        String settings = mvc.perform(get("/settings/webhooks").with(user(reader.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(settings)
                .contains("https://93.184.216.34/hooks/papers")
                .contains("HTTP 410: gone")
                .contains("disabled");
        mvc.perform(get("/settings/webhooks")).andExpect(redirectedUrl("/login"));
    }

    /**
     * Titles matched word by word; similarity as word overlap. Stands in for the search module so that these tests
     * need no embedding model and pin the page's use of the interface.
     */
    static final class WordSearch implements SearchService {

        private final PaperCatalog catalog;

        WordSearch(PaperCatalog catalog) {
            this.catalog = catalog;
        }

        private List<Paper> recent() {
            return catalog
                    .daily(new DailyQuery(DAY.minusDays(30), DAY, DailySort.UPVOTES, null, null), 0, 10_000)
                    .items()
                    .stream()
                    .map(DailyPaper::paper)
                    .toList();
        }

        @Override
        public SearchResult search(SearchRequest request) {
            String q = request.query().toLowerCase();
            List<SearchHit> hits = recent().stream()
                    .filter(p -> words(p.title() + " " + p.abstractText()).contains(q))
                    .map(p -> new SearchHit(p.id(), 1.0, null, null))
                    .toList();
            return new SearchResult(
                    hits.size(), hits.stream().limit(request.size()).toList(), Map.of(), null);
        }

        @Override
        public List<SearchHit> similarTo(ArxivId id, int limit) {
            Set<String> source = words(catalog.find(id).orElseThrow().title());
            List<SearchHit> hits = new ArrayList<>();
            for (Paper p : recent()) {
                Set<String> common = new HashSet<>(source);
                common.retainAll(words(p.title()));
                if (!p.id().equals(id.withoutVersion()) && !common.isEmpty()) {
                    hits.add(new SearchHit(p.id(), common.size() / (double) source.size(), null, null));
                }
            }
            hits.sort((a, b) -> Double.compare(b.score(), a.score()));
            return hits.stream().limit(limit).toList();
        }

        @Override
        public List<SearchHit> similarToText(String text, int limit) {
            return List.of();
        }

        private static Set<String> words(String text) {
            return Arrays.stream(text.toLowerCase().split("[^a-z0-9]+"))
                    .filter(w -> w.length() > 3)
                    .collect(Collectors.toSet());
        }
    }

    @TestConfiguration
    static class FakeSearch {
        @Bean
        @Primary
        WordSearch wordSearch(PaperCatalog catalog) {
            return new WordSearch(catalog);
        }
    }
}
