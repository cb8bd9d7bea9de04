package org.dailypapers.ingest;

import java.time.Duration;

/** Waits; its own type so that tests can record the pauses asked for instead of spending them. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
