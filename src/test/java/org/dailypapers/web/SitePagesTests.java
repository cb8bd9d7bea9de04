package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The site over HTTP: pages, error pages, headers, and the promises the CSP depends on. */
class SitePagesTests extends SiteTestSupport {

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @Test
    void shouldShowTheLatestDayOnTheFrontPage() {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("Wednesday, December 31, 2025")
                .contains("DreamOmni3: Scribble-based Editing and Generation")
                .contains("11 authors")
                .contains("href=\"/daily/2025-12-30\"")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                .contains("href=\"/feeds/daily.atom\"");
    }

    @Test
    void shouldOrderADayByUpvotesThenNewest() {
        String byVotes = get("/daily/" + DEMO_LATEST_DAY).body();
        String newest = get("/daily/" + DEMO_LATEST_DAY + "?sort=newest").body();
        assertThat(byVotes.indexOf("DreamOmni3")).isLessThan(byVotes.indexOf("GraphLocator"));
        assertThat(newest).contains("aria-current=\"true\">Newest");
    }

    @Test
    void shouldShowWeekAndMonthViews() {
        assertThat(get("/week/2025-W01").body()).contains("Week 1, Dec 30 – Jan 5, 2025");
        HttpResponse<String> month = get("/month/2025-12");
        assertThat(month.statusCode()).isEqualTo(200);
        assertThat(month.body())
                .contains("<h1>December 2025</h1>")
                .contains("397 papers")
                .contains("href=\"/month/2025-12?page=2\"");
    }

    @Test
    void shouldShowAPaperWithItsLinksAndTheDiscussionPlace() {
        HttpResponse<String> r = get("/papers/2512.22525");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("<h1>DreamOmni3: Scribble-based Editing and Generation</h1>")
                .contains("href=\"https://arxiv.org/pdf/2512.22525\"")
                .contains("href=\"/authors/Bin%20Xia\"")
                .contains("id=\"discussion\"")
                .contains("Similar papers");
    }

    @Test
    void shouldOfferSignedOutReadersALogInInsteadOfAVote() {
        // an unknown paper is the site's own error page, an unknown path Spring Boot's error view
        for (String path :
                new String[] {"/daily/" + DEMO_LATEST_DAY, "/papers/2512.22525", "/papers/2501.99999", "/no/such/page"
                }) {
            String html = get(path).body();
            assertThat(html)
                    .as("header of %s", path)
                    .contains("<a href=\"/login\">Log in</a>")
                    .contains("href=\"/signup\"")
                    .contains("href=\"/digest\">Get trending papers in your email inbox</a>")
                    .doesNotContain("Log out")
                    // the masked CSRF token changes per request; anonymous pages leave it out to keep their ETag
                    .doesNotContain("name=\"csrf-token\"");
        }
        String day = get("/daily/" + DEMO_LATEST_DAY).body();
        String paper = get("/papers/2512.22525").body();
        for (String html : new String[] {day, paper}) {
            assertThat(html)
                    .contains("<a class=\"upvote\" href=\"/login\" title=\"Log in to upvote\">")
                    .doesNotContain("action=\"/papers/2512.22525/upvote\"");
        }
        assertThat(day).contains("id=\"upvote-2512.22525\"");
    }

    @Test
    void shouldAnswerAnUnknownPaperWith404Page() {
        HttpResponse<String> r = get("/papers/2501.99999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body())
                .contains("The paper 2501.99999 is not in this catalog")
                .contains("<html");
        assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
        assertThat(get("/no/such/page").body()).contains("Page not found");
    }

    @Test
    void shouldExplainABadDateOrOrder() {
        HttpResponse<String> date = get("/daily/2025-13-40");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("'2025-13-40' is not a valid day; give a day such as 2025-02-13.");
        HttpResponse<String> sort = get("/daily/2025-12-31?sort=loudest");
        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(sort.body()).contains("use sort=upvotes, sort=trending or sort=newest");
    }

    @Test
    void shouldSayWhenADayHasNoPapers() {
        HttpResponse<String> r = get("/daily/2024-01-01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("No papers on Monday, January 1, 2024.");
    }

    @Test
    void shouldCarryNoInlineScriptStyleOrEventHandler() {
        for (String path : new String[] {
            "/",
            "/trending",
            "/week/2025-W50",
            "/papers/2512.22525",
            "/search",
            "/search?q=diffusion",
            "/docs",
            "/organizations/ByteDance",
            "/papers/2501.99999"
        }) {
            String html = get(path).body();
            assertThat(INLINE_SCRIPT.matcher(html).find())
                    .as("inline script in %s", path)
                    .isFalse();
            assertThat(INLINE_STYLE.matcher(html).find())
                    .as("inline style in %s", path)
                    .isFalse();
            assertThat(EVENT_HANDLER.matcher(html).find())
                    .as("event handler in %s", path)
                    .isFalse();
        }
    }

    @Test
    void shouldServeSignedOutReadersWithoutOpeningASession() {
        // a session per anonymous page view would fill the server's memory and keep shared caches from storing
        for (String path : new String[] {"/", "/papers/2512.22525", "/search?q=diffusion", "/trending"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie"))
                    .as("cookies of %s", path)
                    .isEmpty();
        }
        // pages with forms still get their token, and with it the session that keeps it
        HttpResponse<String> login = get("/login");
        assertThat(login.body()).contains("name=\"csrf-token\"");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void shouldRevalidatePagesWithAnEtag() {
        HttpResponse<String> first = get("/daily/" + DEMO_LATEST_DAY);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        try {
            var again = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(base() + "/daily/" + DEMO_LATEST_DAY))
                                    .header("If-None-Match", etag)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(again.statusCode()).isEqualTo(304);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldDescribeTheApiWithOpenApi() {
        HttpResponse<String> docs = get("/v3/api-docs", "application/json");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"/api/daily_papers\"")
                .contains("dailypapers API")
                .contains("\"/api/papers/{id}/upvote\"")
                .contains("\"/api/papers/{archive}/{number}/comments\"");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(get("/docs").body()).contains("/swagger-ui.html").contains("/feeds/search.atom");
    }

    @Test
    void shouldServeHtmxFromStatic() {
        HttpResponse<String> htmx = get("/static/htmx.min.js", "*/*");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).startsWith("var htmx=");
    }
}
