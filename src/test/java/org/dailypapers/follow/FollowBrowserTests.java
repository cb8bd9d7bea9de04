package org.dailypapers.follow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dailypapers.digest.WebhookService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The "done when" in headless Chromium against a real server: a reader signs up, follows a category and an
 * author with the pages' Follow buttons (htmx), upvotes three papers, sees "For you" with its reasons, registers a
 * Slack-shaped webhook that a receiver on this machine gets, and unfollows again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dailypapers.demo=false",
            "dailypapers.digest.scheduling=false",
            "dailypapers.webhooks.scheduling=false",
            "dailypapers.webhooks.allow-private-networks=true"
        })
class FollowBrowserTests {

    static final LocalDate DAY = LocalDate.of(2025, 12, 15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "follow");
    private static HttpServer receiver;
    private static final List<String> slackBodies = Collections.synchronizedList(new ArrayList<>());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("follow-browser-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/services/T000/B000/XXXX", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                slackBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    WebhookService webhooks;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private ArxivId paper(int n, String title, String author, String category) {
        ArxivId id = ArxivId.of(String.format("2512.%05d", 50_000 + n));
        catalog.upsert(List.of(new PaperRecord(
                new Paper(
                        id,
                        1,
                        title,
                        "An abstract about " + title.toLowerCase() + ".",
                        List.of(author),
                        List.of(category),
                        Instant.parse("2025-12-14T10:00:00Z"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        n,
                        null),
                new DailyEntry(id, DAY, Instant.parse("2025-12-15T08:00:00Z").plusSeconds(n), null, 0, null))));
        return id;
    }

    @Test
    void shouldFollowUpvoteSeeForYouWithReasonsAndGetTheSlackWebhook() throws Exception {
        List<ArxivId> upvoted = List.of(
                paper(1, "Graph Networks for Chemistry", "Una Upvoted", "physics.chem-ph"),
                paper(2, "Graph Networks for Materials", "Una Upvoted", "cond-mat.mtrl-sci"),
                paper(3, "Graph Networks for Proteins", "Vic Voted", "q-bio.BM"));
        ArxivId inCategory = paper(4, "Agents that Plan", "Wes Writer", "cs.MA");
        ArxivId byAuthor = paper(5, "Theorems about Lattices", "Xena Followed", "math.CO");
        ArxivId unrelated = paper(6, "Volcanoes of Io", "Yul Nobody", "astro-ph.EP");

        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeDriver driver = org.dailypapers.web.HeadlessChromium.start(profile);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);

            driver.get(url("/signup"));
            driver.findElement(By.id("email")).sendKeys("follower@example.org");
            driver.findElement(By.id("handle")).sendKeys("follower");
            driver.findElement(By.id("displayName")).sendKeys("Fran Follower");
            driver.findElement(By.id("password")).sendKeys("a long enough password");
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/login?registered"));
            driver.findElement(By.id("email")).sendKeys("follower@example.org");
            driver.findElement(By.id("password")).sendKeys("a long enough password");
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            // follow a category: htmx swaps the page's link for the reader's button, then the button for its new state
            driver.get(url("/categories/cs.MA"));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.follow-button")));
            assertThat(driver.findElement(By.cssSelector("button.follow-button"))
                            .getText())
                    .isEqualTo("Follow cs.MA");
            driver.findElement(By.cssSelector("button.follow-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("button.follow-button"), "Following cs.MA"));
            String categoryPage = driver.getCurrentUrl();

            // and an author
            driver.get(url("/authors/Xena%20Followed"));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.follow-button")));
            driver.findElement(By.cssSelector("button.follow-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("button.follow-button"), "Following Xena Followed"));
            shot(driver, "author-followed");

            // upvote three papers on the day's feed
            driver.get(url("/daily/" + DAY));
            for (ArxivId id : upvoted) {
                By card = By.id("upvote-" + id.id());
                wait.until(ExpectedConditions.elementToBeClickable(
                        driver.findElement(card).findElement(By.cssSelector("button.upvote"))));
                driver.findElement(card)
                        .findElement(By.cssSelector("button.upvote"))
                        .click();
                wait.until(d -> "true"
                        .equals(d.findElement(card)
                                .findElement(By.cssSelector("button.upvote"))
                                .getDomAttribute("aria-pressed")));
            }

            driver.get(url("/for-you"));
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page).contains("Agents that Plan").contains("In cs.MA, which you follow");
            assertThat(page).contains("Theorems about Lattices").contains("By Xena Followed, whom you follow");
            assertThat(page).contains("3 papers you upvoted");
            // In a catalog this small every paper is some upvoted paper's neighbour: only follows are asserted.
            assertThat(driver.findElement(By.id("foryou-" + inCategory.id().replace('.', '-')))
                            .getText())
                    .contains("In cs.MA, which you follow");
            shot(driver, "for-you");

            // "not interested" hides the card in place, with an undo
            driver.findElement(By.id("foryou-" + byAuthor.id().replace('.', '-')))
                    .findElement(By.cssSelector("button.not-interested"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("foryou-hidden")));
            assertThat(driver.findElement(By.id("foryou-hidden")).getText()).contains("Undo");

            // a Slack-shaped webhook, delivered to the receiver
            driver.get(url("/settings/webhooks"));
            new Select(driver.findElement(By.name("shape"))).selectByValue("slack");
            driver.findElement(By.name("url"))
                    .sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/services/T000/B000/XXXX");
            driver.findElement(By.cssSelector("form.stacked button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.webhooks")));
            webhooks.run();
            assertThat(slackBodies).hasSize(1);
            assertThat(slackBodies.getFirst())
                    .contains("\"blocks\"")
                    .contains("Agents that Plan")
                    .doesNotContain(unrelated.id());

            // unfollow with the same button
            driver.get(categoryPage);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("button.follow-button"), "Following cs.MA"));
            driver.findElement(By.cssSelector("button.follow-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("button.follow-button"), "Follow cs.MA"));
            driver.get(url("/for-you"));
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("In cs.MA, which you follow");
        } finally {
            driver.quit();
        }
    }

    private static void shot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
