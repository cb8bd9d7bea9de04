package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility engine, run inside the page through Selenium: the npm package's {@code axe.min.js},
 * installed by {@code npm ci} in {@code src/test/a11y} ({@code .ci/run} does it), injected as a script, so nothing
 * comes from the network. Violations of impact serious or critical fail the test, with the rule, the elements and
 * axe's help.
 */
public final class Axe {

    static final Path SCRIPT = Path.of("src", "test", "a11y", "node_modules", "axe-core", "axe.min.js");

    private static String source;

    private Axe() {}

    private static synchronized String source() {
        if (source == null) {
            boolean present = Files.isRegularFile(SCRIPT);
            if (!present && System.getenv("CI") != null) {
                throw new IllegalStateException(
                        SCRIPT + " is missing: .ci/run installs it with npm ci --prefix src/test/a11y");
            }
            assumeTrue(present, "axe-core is not installed: run npm ci --prefix src/test/a11y (.ci/run does)");
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The serious and critical violations on the page the driver shows, one line each. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' '"
                + " + (n.failureSummary || '').replace(/\\s+/g, ' '); })}; })); },"
                + " function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                lines.add(v.get("id") + " (" + impact + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return lines;
    }

    public static void assertNoSeriousViolations(WebDriver driver, String page) {
        assertThat(seriousViolations(driver))
                .as("axe-core on %s (%s)", page, driver.getCurrentUrl())
                .isEmpty();
    }
}
