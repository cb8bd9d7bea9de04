package org.dailypapers;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A component a test needs (PostgreSQL, Chromium, a data set). Without it a developer's run skips the test and says
 * why; a CI run ({@code CI=true}, as every CI service sets it and {@code .ci/run} does) fails instead, so that a
 * green CI run means every test ran.
 */
public final class RequiredComponent {

    private RequiredComponent() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Returns when present; otherwise skips the test, or fails it with CI=true. */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (inCi()) {
            fail(missing + " — CI=true: a missing component fails the run instead of skipping tests");
        }
        assumeTrue(false, missing);
    }
}
