package org.dailypapers.shared;

import java.time.Duration;

/**
 * The server has more CPU-heavy work than it can start soon ({@link ComputePool}): answered with 503 and a
 * {@code Retry-After} header, at once, instead of a wait of seconds.
 */
public final class OverloadedException extends RuntimeException {

    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, as the header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
