package org.dailypapers.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** axe-core on the reading pages, in the light and the dark scheme: no violation of impact serious or critical. */
class AccessibilityBrowserTests extends SiteTestSupport {

    @TempDir
    Path profile;

    private ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = HeadlessChromium.start(profile);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldHaveNoSeriousAxeViolationsInEitherScheme() {
        List<String> pages = List.of(
                "/",
                "/daily/2025-12-30",
                "/week/2025-W02",
                "/trending",
                "/papers/2501.05874",
                "/papers/2501.05874/comments",
                "/search",
                "/search?q=video%20generation&mode=bm25",
                "/authors/Sung%20Ju%20Hwang",
                "/collections",
                "/docs",
                "/login",
                "/signup",
                "/papers/2501.99999");
        List<String> found = new java.util.ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            driver.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (String page : pages) {
                driver.get(base() + page);
                new WebDriverWait(driver, Duration.ofSeconds(20))
                        .until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                for (String v : Axe.seriousViolations(driver)) {
                    found.add(page + " (" + scheme + "): " + v);
                }
            }
        }
        // all pages first, so that one run shows every violation
        org.assertj.core.api.Assertions.assertThat(found).isEmpty();
    }

    /**
     * A signed-in reader's pages (forms, the thread with a comment, a collection), checked the same way; the public
     * collection it makes is then exported as BibTeX and listed in the reader's OPML file. It comments on another
     * paper than the one CitationPagesTests counts comments of, which shares this Spring context.
     */
    @Test
    void shouldHaveNoSeriousAxeViolationsOnSignedInPagesAndExportTheirCollection() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base() + "/signup");
        driver.findElement(By.id("email")).sendKeys("a11y@example.org");
        driver.findElement(By.id("handle")).sendKeys("a11y-reader");
        driver.findElement(By.id("displayName")).sendKeys("Ada Reader");
        driver.findElement(By.id("password")).sendKeys("a long enough password");
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login?registered"));
        driver.findElement(By.id("email")).sendKeys("a11y@example.org");
        driver.findElement(By.id("password")).sendKeys("a long enough password");
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(base() + "/papers/2501.05727/comments");
        driver.findElement(By.id("new-comment")).sendKeys("A comment *here*, not on Hugging Face.");
        driver.findElement(By.cssSelector("#thread > form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment-body em")));

        driver.get(base() + "/collections");
        driver.findElement(By.id("collection-title")).sendKeys("Retrieval & video");
        driver.findElement(By.cssSelector("input[name=isPublic]")).click();
        driver.findElement(By.cssSelector("form[action='/collections'] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.urlMatches(".*/collections/\\d+$"));
        String collection = driver.getCurrentUrl().replace(base(), "");
        driver.findElement(By.id("add-paper")).sendKeys("2501.05727");
        driver.findElement(By.cssSelector("form[action$='/items'] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.paper-list li")));

        List<String> found = new java.util.ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            driver.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (String page : List.of(
                    "/",
                    "/papers/2501.05727",
                    "/papers/2501.05727/comments",
                    "/submit",
                    "/collections",
                    collection,
                    "/profile",
                    "/users/a11y-reader")) {
                driver.get(base() + page);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                if (page.equals("/papers/2501.05727")) {
                    // the thread comes in through htmx; check the page with it
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#thread .comment-body")));
                    org.assertj.core.api.Assertions.assertThat(driver.findElement(By.cssSelector(".discussion-counts"))
                                    .getText())
                            .isEqualTo("1 comment here · 1 comment on Hugging Face");
                }
                for (String v : Axe.seriousViolations(driver)) {
                    found.add(page + " (" + scheme + "): " + v);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(found).isEmpty();

        driver.get(base() + "/feeds.opml");
        org.assertj.core.api.Assertions.assertThat(driver.getPageSource())
                .contains("Your collections")
                .contains("https://papers.example.org" + collection + "/feed.atom");
        var bib = new org.jbibtex.BibTeXParser()
                .parse(new java.io.StringReader(get(collection + ".bib", "*/*").body()));
        org.assertj.core.api.Assertions.assertThat(bib.getEntries()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(
                        get(collection + ".ris", "*/*").body())
                .startsWith("TY  - UNPB");
    }
}
