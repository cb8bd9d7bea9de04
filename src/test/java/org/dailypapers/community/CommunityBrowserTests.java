package org.dailypapers.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole community flow in headless Chromium against a real server: sign up, log in, upvote with htmx, comment,
 * submit a paper (from a recorded arXiv answer). The server is real HTTP, so the session cookie's attributes are
 * checked here too.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dailypapers.demo=false", "dailypapers.arxiv.request-interval=0s"})
class CommunityBrowserTests {

    static final Instant NOW = Instant.parse("2025-12-16T14:00:00Z");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "community");
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
        String home = Files.createTempDirectory("community-browser-").toString();
        arxiv = new ArxivFixtureServer();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
        registry.add("dailypapers.arxiv.api-base-url", arxiv::baseUrl);
    }

    @AfterAll
    static void stopArxiv() {
        arxiv.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    PaperCatalog catalog;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void shouldSendSessionCookiesHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login;
        try (HttpClient client = HttpClient.newHttpClient()) {
            login = client.send(
                    HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString());
        }
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void shouldSignUpLogInUpvoteCommentAndSubmitInABrowser() throws Exception {
        ArxivId id = ArxivId.of("2512.88001");
        catalog.upsert(List.of(new PaperRecord(
                new Paper(
                        id,
                        1,
                        "Browsing <script>alert(1)</script> Papers",
                        "A paper to click on.",
                        List.of("Ada Lovelace"),
                        List.of("cs.LG"),
                        NOW.minusSeconds(86_400),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        5,
                        null),
                new DailyEntry(id, LocalDate.of(2025, 12, 15), NOW.minusSeconds(80_000), null, 0, null))));
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeDriver driver = org.dailypapers.web.HeadlessChromium.start(profile);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            // htmx replaces elements while a condition looks at them
            wait.ignoring(StaleElementReferenceException.class);

            driver.get(url("/signup"));
            driver.findElement(By.id("email")).sendKeys("browser@example.org");
            driver.findElement(By.id("handle")).sendKeys("browser-user");
            driver.findElement(By.id("displayName")).sendKeys("Browser User");
            driver.findElement(By.id("password")).sendKeys("a long enough password");
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/login?registered"));

            driver.findElement(By.id("email")).sendKeys("browser@example.org");
            driver.findElement(By.id("password")).sendKeys("a long enough password");
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            driver.get(url("/papers/" + id.id() + "/comments"));
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Browsing <script>alert(1)</script> Papers");
            wait.until(
                    d -> Boolean.TRUE.equals(d.findElement(By.tagName("html")).getDomAttribute("data-htmx-ready"))
                            || isHtmxLoaded(driver));
            driver.findElement(By.cssSelector("button.upvote")).click();
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("button.upvote"), "aria-pressed", "true"));
            assertThat(driver.findElement(By.cssSelector(".upvote-count")).getText())
                    .isEqualTo("6");
            assertThat(catalog.find(id).orElseThrow().upvotes()).isEqualTo(6);

            driver.findElement(By.id("new-comment")).sendKeys("Clicked *through* in a real browser.");
            driver.findElement(By.cssSelector("#thread > form button[type=submit]"))
                    .click();
            WebElement body =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment-body em")));
            assertThat(body.getText()).isEqualTo("through");
            shot(driver, "discussion");

            driver.get(url("/submit"));
            driver.findElement(By.id("arxiv-id")).sendKeys("arXiv:2512.13690");
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/papers/2512.13690"));
            assertThat(catalog.findEntry(ArxivId.of("2512.13690"))
                            .orElseThrow()
                            .submittedBy()
                            .name())
                    .isEqualTo("browser-user");
            // the paper page loads the discussion thread with htmx
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#thread")));
            shot(driver, "submitted-paper");

            driver.get(url("/submit"));
            driver.findElement(By.id("arxiv-id")).sendKeys("2512.13690");
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
            assertThat(error.getText()).contains("already on Daily Papers");

            // the daily feed's card carries the same toggle, pressed for this reader; htmx swaps it in place
            driver.get(url("/daily/2025-12-15"));
            wait.until(d -> isHtmxLoaded(driver));
            By card = By.id("upvote-" + id.id());
            assertThat(driver.findElement(card)
                            .findElement(By.cssSelector("button.upvote"))
                            .getDomAttribute("aria-pressed"))
                    .isEqualTo("true");
            String page = driver.getCurrentUrl();
            driver.findElement(card)
                    .findElement(By.cssSelector("button.upvote"))
                    .click();
            wait.until(d -> "false"
                    .equals(d.findElement(card)
                            .findElement(By.cssSelector("button.upvote"))
                            .getDomAttribute("aria-pressed")));
            assertThat(driver.findElement(card)
                            .findElement(By.cssSelector(".upvote-count"))
                            .getText())
                    .isEqualTo("5");
            assertThat(driver.getCurrentUrl()).isEqualTo(page);
            assertThat(catalog.find(id).orElseThrow().upvotes()).isEqualTo(5);
            shot(driver, "daily-feed-signed-in");
        } finally {
            driver.quit();
        }
    }

    private static boolean isHtmxLoaded(ChromeDriver driver) {
        return Boolean.TRUE.equals(driver.executeScript("return typeof window.htmx !== 'undefined'"));
    }

    private static void shot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
