package org.dailypapers.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts, voting, discussion and submission through the site and the API, with the security rules switched on as
 * in production: CSRF, headers, rate limits, bearer tokens. The clock stands on 2025-12-16 so that the recorded arXiv
 * listing of 2025-12-13..15 is fresh.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "dailypapers.demo=false",
            "dailypapers.arxiv.request-interval=0s",
            "dailypapers.security.rate-limits.sign-up=3/PT1H",
            "dailypapers.security.rate-limits.comment=5/PT1H",
            // These tests keep sign-ins in MockHttpSession objects, which only container sessions read; sessions in
            // the database (as served) are covered by FleetTests over HTTP with real cookies.
            "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration"
        })
@AutoConfigureMockMvc
class CommunityWebTests {

    static final Instant NOW = Instant.parse("2025-12-16T14:00:00Z");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern TOKEN = Pattern.compile("dp_[A-Za-z0-9_-]{43}");
    private static ArxivFixtureServer arxiv;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("community-web-").toString();
        arxiv = new ArxivFixtureServer();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.arxiv.api-base-url", arxiv::baseUrl);
    }

    @AfterAll
    static void stopArxiv() {
        arxiv.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    PaperCatalog catalog;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Each test signs up from an address of its own, so the per-address sign-up limit stays out of the way. */
    private static RequestPostProcessor from(String address) {
        return (MockHttpServletRequest r) -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private static int next() {
        return COUNTER.incrementAndGet();
    }

    private ArxivId paper(String title, String abstractText, List<String> authors) {
        return paper(title, abstractText, authors, LocalDate.of(2025, 12, 15));
    }

    private ArxivId paper(String title, String abstractText, List<String> authors, LocalDate day) {
        ArxivId id = ArxivId.of(String.format("2512.%05d", 90_000 + next()));
        save(id, title, abstractText, authors, new DailyEntry(id, day, NOW.minusSeconds(80_000), null, 0, null));
        return id;
    }

    private void save(
            ArxivId id, String title, String abstractText, List<String> authors, @Nullable DailyEntry dailyEntry) {
        catalog.upsert(List.of(new PaperRecord(
                new Paper(
                        id,
                        1,
                        title,
                        abstractText,
                        authors,
                        List.of("cs.LG"),
                        NOW.minusSeconds(86_400),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        3,
                        null),
                dailyEntry)));
    }

    private ArxivId paper() {
        return paper("Attention Is Still All You Need", "We revisit attention.", List.of("Ada Lovelace"));
    }

    private Account user(boolean admin) {
        return accounts.createUser("member" + next() + "@example.org", "correct horse battery", admin);
    }

    private MockHttpSession logIn(Account account) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login")
                        .session(session)
                        .with(from("10.1.0." + (next() % 250)))
                        .with(csrf())
                        .param("email", account.email())
                        .param("password", "correct horse battery"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        return session;
    }

    private String bearer(Account account) {
        return "Bearer " + accounts.createToken(account.id(), "test").token();
    }

    private JsonNode jsonOf(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    @Test
    void shouldSignUpLogInUpvoteCommentAndSubmit() throws Exception {
        ArxivId id = paper();
        String email = "newcomer" + next() + "@example.org";

        mvc.perform(post("/signup")
                        .with(from("10.0.0.1"))
                        .with(csrf())
                        .param("email", email)
                        .param("handle", "newcomer-" + next())
                        .param("displayName", "New Comer")
                        .param("password", "a long enough password"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login?registered"));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login")
                        .session(session)
                        .with(from("10.0.0.1"))
                        .with(csrf())
                        .param("email", email)
                        .param("password", "a long enough password"))
                .andExpect(redirectedUrl("/"));

        // a token from the profile page, shown once
        mvc.perform(post("/profile/tokens").session(session).with(csrf()).param("name", "script"))
                .andExpect(redirectedUrl("/profile"));
        String profile = mvc.perform(get("/profile").session(session).flashAttr("newToken", "shown"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(profile).contains("script").contains("New Comer");
        Account account = accounts.findByEmail(email).orElseThrow();
        String token = accounts.createToken(account.id(), "api").token();

        // upvote through the API, twice: counted once
        JsonNode vote = jsonOf(
                mvc.perform(post("/api/papers/" + id.id() + "/upvote").header("Authorization", "Bearer " + token))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse());
        assertThat(vote.get("upvotes").asInt()).isEqualTo(4);
        assertThat(vote.get("upvoted").asBoolean()).isTrue();
        mvc.perform(post("/api/papers/" + id.id() + "/upvote").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(catalog.find(id).orElseThrow().upvotes()).isEqualTo(4);

        // toggle off from the page with htmx: the fragment comes back
        String fragment = mvc.perform(post("/papers/" + id.id() + "/upvote")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("vote", "false"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("aria-pressed=\"false\"").contains(">3<");
        assertThat(catalog.find(id).orElseThrow().upvotes()).isEqualTo(3);

        // comment on the page, reply through the API
        mvc.perform(post("/papers/" + id.id() + "/comments")
                        .session(session)
                        .with(csrf())
                        .param("body", "Great **results** on [the benchmark](https://example.org/bench)."))
                .andExpect(status().is3xxRedirection());
        JsonNode thread = jsonOf(mvc.perform(get("/api/papers/" + id.id() + "/comments"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        JsonNode first = thread.get("comments").get(0);
        assertThat(first.get("html").asString()).contains("<strong>results</strong>");
        assertThat(first.get("author").get("fullname").asString()).isEqualTo("New Comer");
        mvc.perform(post("/api/papers/" + id.id() + "/comments")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"And a reply.\",\"parentId\":"
                                + first.get("id").asLong() + "}"))
                .andExpect(status().isCreated());
        thread = jsonOf(mvc.perform(get("/api/papers/" + id.id() + "/comments"))
                .andReturn()
                .getResponse());
        assertThat(thread.get("numComments").asInt()).isEqualTo(2);
        assertThat(thread.get("comments")
                        .get(0)
                        .get("replies")
                        .get(0)
                        .get("markdown")
                        .asString())
                .isEqualTo("And a reply.");
        assertThat(catalog.findEntry(id).orElseThrow().numComments()).isEqualTo(2);

        // submit a recorded arXiv paper from the page: it lands on today's feed with its submitter
        String fresh = "2512.13690";
        mvc.perform(post("/submit").session(session).with(csrf()).param("id", "https://arxiv.org/abs/" + fresh + "v1"))
                .andExpect(redirectedUrl("/papers/" + fresh));
        DailyEntry entry = catalog.findEntry(ArxivId.of(fresh)).orElseThrow();
        assertThat(entry.day()).isEqualTo(LocalDate.of(2025, 12, 16));
        assertThat(entry.submittedBy().fullname()).isEqualTo("New Comer");
        assertThat(catalog.find(ArxivId.of(fresh)).orElseThrow().title()).startsWith("DiffusionBrowser");
    }

    /** The upvote control of one paper's card on a page, so that the assertions look at that card alone. */
    private static String upvoteControl(String html, ArxivId id) {
        int start = html.indexOf("id=\"upvote-" + id.id() + "\"");
        assertThat(start).as("upvote control of %s", id.id()).isNotNegative();
        return html.substring(start, html.indexOf("</div>", start));
    }

    @Test
    void shouldUpvoteFromADailyFeedCardWithAndWithoutJavaScript() throws Exception {
        // a day of its own, so that the other tests' papers do not push this card off the page
        LocalDate day = LocalDate.of(2025, 12, 9);
        String dayPath = "/daily/" + day;
        ArxivId id = paper("Voting From The Feed", "Cards carry the toggle.", List.of("Grace Hopper"), day);
        MockHttpSession session = logIn(user(false));

        String before = page(dayPath, session);
        assertThat(before)
                .contains("Log out")
                .contains("<meta name=\"csrf-token\"")
                .contains("src=\"/static/csrf.js\"");
        assertThat(upvoteControl(before, id))
                .contains("action=\"/papers/" + id.id() + "/upvote\"")
                .contains("hx-post=\"/papers/" + id.id() + "/upvote\"")
                .contains("name=\"_csrf\"")
                .contains("name=\"vote\" value=\"true\"")
                .contains("aria-pressed=\"false\"")
                .contains(">3<");

        // without JavaScript: a plain form POST that returns to the feed
        mvc.perform(post("/papers/" + id.id() + "/upvote")
                        .session(session)
                        .with(csrf())
                        .header("Referer", "http://localhost" + dayPath)
                        .param("vote", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(dayPath));
        assertThat(upvoteControl(page(dayPath, session), id))
                .contains("aria-pressed=\"true\"")
                .contains("name=\"vote\" value=\"false\"")
                .contains(">4<");
        assertThat(upvoteControl(page("/papers/" + id.id(), session), id))
                .contains("aria-pressed=\"true\"")
                .contains(">4<");

        // the pressed state is this reader's alone, though the page's papers come from a shared cache
        MockHttpSession other = logIn(user(false));
        assertThat(upvoteControl(page(dayPath, other), id))
                .contains("aria-pressed=\"false\"")
                .contains(">4<");
        String signedOut = mvc.perform(get(dayPath)).andReturn().getResponse().getContentAsString();
        assertThat(upvoteControl(signedOut, id))
                .contains("href=\"/login\"")
                .contains(">4<")
                .doesNotContain("<form");
        assertThat(signedOut).contains("<a href=\"/login\">Log in</a>").doesNotContain("Log out");

        // with htmx, from the card: the toggle comes back to be swapped in place
        String fragment = mvc.perform(post("/papers/" + id.id() + "/upvote")
                        .session(session)
                        .with(csrf().asHeader())
                        .header("HX-Request", "true")
                        .param("vote", "false"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment.strip())
                .startsWith("<form class=\"upvote-form\"")
                .contains("aria-pressed=\"false\"")
                .contains(">3<");
        assertThat(upvoteControl(page(dayPath, session), id)).contains("aria-pressed=\"false\"");

        // a Referer from elsewhere is never followed
        mvc.perform(post("/papers/" + id.id() + "/upvote")
                        .session(session)
                        .with(csrf())
                        .header("Referer", "https://elsewhere.example/daily/2025-12-09")
                        .param("vote", "true"))
                .andExpect(redirectedUrl("/papers/" + id.id()));
    }

    @Test
    void shouldFrameCommunityAndAccountPagesInTheSiteLayout() throws Exception {
        ArxivId id = paper();
        for (String html : new String[] {
            mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(),
            mvc.perform(get("/signup")).andReturn().getResponse().getContentAsString(),
            mvc.perform(get("/papers/" + id.id() + "/comments"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
        }) {
            assertThat(html)
                    .contains("<header class=\"site-header\">")
                    .contains("<a href=\"/trending\"")
                    .contains("class=\"header-search\"")
                    .contains("href=\"/digest\"")
                    .contains("<a href=\"/login\">Log in</a>");
        }
        Account member = user(false);
        MockHttpSession session = logIn(member);
        String submit = page("/submit", session);
        assertThat(submit)
                .contains("<header class=\"site-header\">")
                .contains("<a href=\"/trending\"")
                .contains("href=\"/users/" + member.handle() + "\"")
                .contains("action=\"/logout\"")
                .contains("<title>Submit a paper · Daily Papers</title>");
        // the site's own error pages know the reader too, though exception handlers' models lack the advice's context
        String notFound = mvc.perform(get("/papers/2501.99999").session(session))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notFound).contains("action=\"/logout\"").doesNotContain("<a href=\"/login\">Log in</a>");
    }

    @Test
    void shouldExplainRefusedSubmissions() throws Exception {
        String auth = bearer(user(false));
        String fresh = arxiv.listingIds().get(next() % 50 + 100);

        JsonNode ok = jsonOf(mvc.perform(post("/api/papers/submit")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + fresh + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse());
        assertThat(ok.get("day").asString()).isEqualTo("2025-12-16");

        assertThat(submitError(auth, fresh, 409)).contains("already on Daily Papers");
        assertThat(submitError(auth, "1707.08567", 422))
                .contains("published on 2017-07-27")
                .contains("14 days");
        assertThat(submitError(auth, "2512.99999", 404)).contains("arXiv has no paper with the id 2512.99999");
        assertThat(submitError(auth, "not a paper", 400)).contains("is not an arXiv id");
    }

    private String submitError(String auth, String id, int status) throws Exception {
        return jsonOf(mvc.perform(post("/api/papers/submit")
                                .header("Authorization", auth)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"id\":\"" + id + "\"}"))
                        .andExpect(status().is(status))
                        .andReturn()
                        .getResponse())
                .get("error")
                .asString();
    }

    @Test
    void shouldRejectFormsAndHtmxRequestsWithoutCsrfToken() throws Exception {
        ArxivId id = paper();
        Account account = user(false);
        MockHttpSession session = logIn(account);

        mvc.perform(post("/papers/" + id.id() + "/comments").session(session).param("body", "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/papers/" + id.id() + "/upvote").session(session).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/papers/" + id.id() + "/comments")
                        .session(session)
                        .with(csrf().useInvalidToken())
                        .param("body", "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/signup").with(from("10.0.0.9")).param("email", "x@example.org"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        assertThat(catalog.findEntry(id).orElseThrow().numComments()).isZero();
        assertThat(catalog.find(id).orElseThrow().upvotes()).isEqualTo(3);

        // the same htmx request with the token in the header goes through
        mvc.perform(post("/papers/" + id.id() + "/upvote")
                        .session(session)
                        .header("HX-Request", "true")
                        .with(csrf().asHeader()))
                .andExpect(status().isOk());
        assertThat(catalog.find(id).orElseThrow().upvotes()).isEqualTo(4);
    }

    @Test
    void shouldAuthenticateTheApiOnlyByBearerToken() throws Exception {
        ArxivId id = paper();
        Account account = user(false);
        MockHttpSession session = logIn(account);

        // a session cookie does not authenticate the API: that is what makes it safe without CSRF tokens
        mvc.perform(post("/api/papers/" + id.id() + "/upvote").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        mvc.perform(post("/api/papers/" + id.id() + "/upvote").header("Authorization", "Bearer dp_revoked"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/papers/" + id.id() + "/upvote").header("Authorization", bearer(account)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/papers/2512.99998/upvote").header("Authorization", bearer(account)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldRenderPayloadsInTitlesAbstractsAuthorsAndCommentsInert() throws Exception {
        ArxivId id = paper(
                "<script>alert(1)</script> Robust Learning",
                "<img src=x onerror=alert(1)> We study robustness.",
                List.of("<svg onload=alert(1)>", "Bob \"><script>alert(2)</script>"));
        Account account = user(false);
        String auth = bearer(account);
        for (String payload : List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[click](javascript:alert(1))",
                "<a href=\"javascript:alert(1)\">raw link</a>",
                "<iframe src=\"https://evil.example\"></iframe>")) {
            mvc.perform(post("/api/papers/" + id.id() + "/comments")
                            .header("Authorization", auth)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(java.util.Map.of("body", payload))))
                    .andExpect(status().isCreated());
        }

        String page = mvc.perform(get("/papers/" + id.id() + "/comments").session(logIn(account)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String api = mvc.perform(get("/api/papers/" + id.id() + "/comments"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode comments = json.readTree(api).get("comments");
        StringBuilder rendered = new StringBuilder();
        comments.forEach(c -> rendered.append(c.get("html").asString()));

        for (String html : List.of(page, rendered.toString())) {
            assertThat(html)
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x")
                    .doesNotContain("<svg onload")
                    .doesNotContainPattern("<a [^>]*href=\"javascript:")
                    .doesNotContain("<iframe");
        }
        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Robust Learning")
                .contains("&lt;svg onload=alert(1)&gt;");
        assertThat(rendered.toString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        // the paper page of the site renders the same payloads inert
        String paperPage =
                mvc.perform(get("/papers/" + id.id())).andReturn().getResponse().getContentAsString();
        assertThat(paperPage)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<svg onload");
    }

    @Test
    void shouldSendSecurityHeaders() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/login")).andReturn().getResponse();
        MockHttpServletResponse api = mvc.perform(get("/api/papers/" + paper().id() + "/comments"))
                .andReturn()
                .getResponse();

        for (MockHttpServletResponse r : List.of(page, api)) {
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline");
            assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(page.getContentAsString())
                .contains("<meta name=\"csrf-token\" content=\"")
                .contains("<script src=\"/static/csrf.js\" defer></script>")
                .doesNotContainPattern("<script>[^<]");
    }

    @Test
    void shouldNotTellWhetherAnAddressIsRegistered() throws Exception {
        Account account = user(false);

        MockHttpServletResponse unknown = mvc.perform(post("/login")
                        .with(from("10.2.0.1"))
                        .with(csrf())
                        .param("email", "nobody-" + next() + "@example.org")
                        .param("password", "correct horse battery"))
                .andReturn()
                .getResponse();
        MockHttpServletResponse wrongPassword = mvc.perform(post("/login")
                        .with(from("10.2.0.2"))
                        .with(csrf())
                        .param("email", account.email())
                        .param("password", "wrong password entirely"))
                .andReturn()
                .getResponse();

        assertThat(unknown.getStatus()).isEqualTo(wrongPassword.getStatus()).isEqualTo(302);
        assertThat(unknown.getRedirectedUrl())
                .isEqualTo(wrongPassword.getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString())
                .contains("Wrong email address or password.");
    }

    @Test
    void shouldLimitSignUpsLogInsAndCommentsWithAClear429() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/signup").with(from("10.3.0.1")).with(csrf()).param("email", "bad"))
                    .andExpect(status().isOk());
        }
        MockHttpServletResponse limited = mvc.perform(
                        post("/signup").with(from("10.3.0.1")).with(csrf()).param("email", "bad"))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse();
        assertThat(limited.getContentAsString()).contains("Too many sign-up attempts. Try again in");
        assertThat(limited.getHeader("Retry-After")).matches("\\d+");

        // log-in is limited per client address (a guesser trying many accounts); per account it only slows down,
        // which LoginThrottlingTests covers
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/login")
                    .with(from("10.3.1.1"))
                    .with(csrf())
                    .param("email", "guess" + i + "@example.org")
                    .param("password", "wrong password entirely"));
        }
        mvc.perform(post("/login")
                        .with(from("10.3.1.1"))
                        .with(csrf())
                        .param("email", "guess10@example.org")
                        .param("password", "wrong password entirely"))
                .andExpect(status().isTooManyRequests());

        ArxivId id = paper();
        String auth = bearer(user(false));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/papers/" + id.id() + "/comments")
                            .header("Authorization", auth)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"comment " + i + "\"}"))
                    .andExpect(status().isCreated());
        }
        JsonNode error = jsonOf(mvc.perform(post("/api/papers/" + id.id() + "/comments")
                        .header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"one too many\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn()
                .getResponse());
        assertThat(error.get("error").asString()).startsWith("Too many comment attempts.");
    }

    @Test
    void shouldLetAuthorsEditAndDeleteAndAdminsHide() throws Exception {
        ArxivId id = paper();
        Account author = user(false);
        Account other = user(false);
        Account admin = user(true);
        JsonNode created = jsonOf(mvc.perform(post("/api/papers/" + id.id() + "/comments")
                        .header("Authorization", bearer(author))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"first version\"}"))
                .andReturn()
                .getResponse());
        long commentId = created.get("id").asLong();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/comments/" + commentId)
                        .header("Authorization", bearer(other))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"vandalised\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/comments/" + commentId)
                        .header("Authorization", bearer(author))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"second version\"}"))
                .andExpect(status().isOk());
        assertThat(catalog.findEntry(id).orElseThrow().numComments()).isEqualTo(1);

        mvc.perform(post("/comments/" + commentId + "/hide")
                        .session(logIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        JsonNode thread = jsonOf(mvc.perform(get("/api/papers/" + id.id() + "/comments"))
                .andReturn()
                .getResponse());
        assertThat(thread.get("comments")).isEmpty();
        assertThat(catalog.findEntry(id).orElseThrow().numComments()).isZero();

        mvc.perform(post("/comments/" + commentId + "/hide")
                        .session(logIn(other))
                        .with(csrf())
                        .param("hidden", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/comments/" + commentId + "/hide")
                        .session(logIn(admin))
                        .with(csrf())
                        .param("hidden", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.findEntry(id).orElseThrow().numComments()).isEqualTo(1);

        mvc.perform(delete("/api/comments/" + commentId).header("Authorization", bearer(author)))
                .andExpect(status().isNoContent());
        assertThat(catalog.findEntry(id).orElseThrow().numComments()).isZero();
        assertThat(jsonOf(mvc.perform(get("/api/papers/" + id.id() + "/comments"))
                                .andReturn()
                                .getResponse())
                        .get("comments"))
                .isEmpty();
    }

    @Test
    void shouldRememberALogInAcrossSessions() throws Exception {
        Account account = user(false);
        MockHttpServletResponse login = mvc.perform(post("/login")
                        .with(from("10.4.0.1"))
                        .with(csrf())
                        .param("email", account.email())
                        .param("password", "correct horse battery")
                        .param("remember-me", "true"))
                .andReturn()
                .getResponse();
        Cookie remember = login.getCookie("remember-me");
        assertThat(remember).isNotNull();
        assertThat(remember.isHttpOnly()).isTrue();

        mvc.perform(get("/profile").cookie(remember)).andExpect(status().isOk());
        mvc.perform(get("/profile")).andExpect(status().is3xxRedirection());
    }

    private static String location(MockHttpServletResponse r) {
        return java.util.Objects.requireNonNull(r.getRedirectedUrl());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Old-style ids carry a slash, so every route that names a paper has to take them as two path segments. */
    @Test
    void shouldUpvoteCommentAndClaimPapersWithOldStyleIds() throws Exception {
        ArxivId id = ArxivId.of(String.format("math.GT/03%05d", next()));
        save(id, "Knots Before 2007", "An old-style identifier.", List.of("Ada Lovelace"), null);
        Account reader = user(false);
        MockHttpSession session = logIn(reader);
        String token = bearer(reader);

        mvc.perform(post("/papers/" + id.id() + "/upvote").session(session).with(csrf()))
                .andExpect(redirectedUrl("/papers/" + id.id()));
        assertThat(page("/papers/" + id.id() + "/upvote", session)).contains("aria-pressed=\"true\"");
        assertThat(jsonOf(mvc.perform(delete("/api/papers/" + id.id() + "/upvote")
                                        .header("Authorization", token))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse())
                        .path("upvoted")
                        .asBoolean(true))
                .isFalse();

        mvc.perform(post("/papers/" + id.id() + "/comments")
                        .session(session)
                        .with(csrf())
                        .param("body", "From the web form."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/papers/" + id.id() + "/comments")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"From the API.\"}"))
                .andExpect(status().isCreated());
        JsonNode thread = jsonOf(mvc.perform(get("/api/papers/" + id.id() + "/comments"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse());
        assertThat(thread.path("numComments").asInt()).isEqualTo(2);
        assertThat(page("/papers/" + id.id() + "/comments", session))
                .contains("From the web form.")
                .contains("From the API.");

        assertThat(page("/papers/" + id.id() + "/claim", session)).contains("Knots Before 2007");
        mvc.perform(post("/papers/" + id.id() + "/claim")
                        .session(session)
                        .with(csrf())
                        .param("author", "Ada Lovelace"))
                .andExpect(redirectedUrl("/users/" + reader.handle()));
        mvc.perform(post("/admin/claims/" + reader.id() + "/" + id.id())
                        .session(logIn(user(true)))
                        .with(csrf())
                        .param("confirm", "true"))
                .andExpect(redirectedUrl("/admin/claims"));
        assertThat(page("/users/" + reader.handle(), new MockHttpSession())).contains("Knots Before 2007");
    }

    @Test
    void shouldListAuthorshipOnAuthorPagesOnceAnAdminConfirmsIt() throws Exception {
        ArxivId id = paper("Provable Claims", "Abstract.", List.of("Ada Lovelace", "Grace Hopper"));
        Account author = user(false);
        Account admin = user(true);
        MockHttpSession authorSession = logIn(author);

        mvc.perform(post("/papers/" + id.id() + "/claim")
                        .session(authorSession)
                        .with(csrf())
                        .param("author", "Somebody Else"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/papers/" + id.id() + "/claim")
                        .session(authorSession)
                        .with(csrf())
                        .param("author", "grace hopper"))
                .andExpect(redirectedUrl("/users/" + author.handle()));
        assertThat(page("/users/" + author.handle(), new MockHttpSession())).doesNotContain("Provable Claims");
        mvc.perform(get("/admin/claims").session(authorSession)).andExpect(status().isForbidden());

        MockHttpSession adminSession = logIn(admin);
        assertThat(page("/admin/claims", adminSession)).contains("Grace Hopper").contains(id.id());
        mvc.perform(post("/admin/claims/" + author.id() + "/" + id.id())
                        .session(adminSession)
                        .with(csrf())
                        .param("confirm", "true"))
                .andExpect(redirectedUrl("/admin/claims"));

        assertThat(page("/users/" + author.handle(), new MockHttpSession())).contains("Provable Claims");
        assertThat(page("/admin/claims", adminSession)).doesNotContain(id.id());
    }

    @Test
    void shouldLetOnlyMembersLinkPapersToTheirOrganisation() throws Exception {
        ArxivId id = paper("An Organised Paper", "Abstract.", List.of("Ada Lovelace"));
        Account founder = user(false);
        Account member = user(false);
        Account outsider = user(false);
        String slug = "lab-" + next();

        mvc.perform(post("/orgs")
                        .session(logIn(founder))
                        .with(csrf())
                        .param("slug", slug)
                        .param("name", "The <b>Lab</b>")
                        .param("description", "We study things."))
                .andExpect(redirectedUrl("/orgs/" + slug));
        mvc.perform(post("/orgs/" + slug + "/papers")
                        .session(logIn(outsider))
                        .with(csrf())
                        .param("paperId", id.id()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/orgs/" + slug + "/members")
                        .session(logIn(founder))
                        .with(csrf())
                        .param("handle", member.handle()))
                .andExpect(redirectedUrl("/orgs/" + slug));
        mvc.perform(post("/orgs/" + slug + "/papers")
                        .session(logIn(member))
                        .with(csrf())
                        .param("paperId", id.id()))
                .andExpect(redirectedUrl("/orgs/" + slug));

        String org = page("/orgs/" + slug, new MockHttpSession());
        assertThat(org)
                .contains("An Organised Paper")
                .contains("The &lt;b&gt;Lab&lt;/b&gt;")
                .contains(member.handle());
        assertThat(page("/users/" + member.handle(), new MockHttpSession())).contains("/orgs/" + slug);
    }

    @Test
    void shouldPublishPublicCollectionsAsAtomAndKeepPrivateOnesHidden() throws Exception {
        ArxivId id = paper("A Collected <i>Paper</i>", "Worth keeping.", List.of("Ada Lovelace"));
        Account owner = user(false);
        MockHttpSession session = logIn(owner);
        String created = location(mvc.perform(post("/collections")
                        .session(session)
                        .with(csrf())
                        .param("title", "Reading list")
                        .param("description", "For Friday.")
                        .param("paperId", id.id()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse());
        assertThat(page(created, session))
                .contains("A Collected &lt;i&gt;Paper&lt;/i&gt;")
                .contains("private");

        mvc.perform(get(created)).andExpect(status().isNotFound());
        mvc.perform(get(created + "/feed.atom")).andExpect(status().isNotFound());
        mvc.perform(get(created).session(logIn(user(false)))).andExpect(status().isNotFound());

        mvc.perform(post(created + "/settings")
                        .session(session)
                        .with(csrf())
                        .param("title", "Reading list")
                        .param("description", "For Friday.")
                        .param("isPublic", "true"))
                .andExpect(redirectedUrl(created));
        MockHttpServletResponse atom = mvc.perform(get(created + "/feed.atom"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(atom.getContentType()).startsWith("application/atom+xml");
        com.rometools.rome.feed.synd.SyndFeed feed =
                new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(atom.getContentAsString()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().getFirst().getTitle()).isEqualTo("A Collected <i>Paper</i>");
        assertThat(feed.getEntries().getFirst().getLink()).endsWith("/papers/" + id.id());
        assertThat(page("/collections", new MockHttpSession())).contains("Reading list");
    }
}
