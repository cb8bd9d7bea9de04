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
}
