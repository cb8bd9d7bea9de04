package org.dailypapers.account;

import java.time.Duration;

/** Answered with 429 Too Many Requests and a {@code Retry-After} header. */
public class RateLimitExceededException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceededException(RateLimitedAction action, Duration retryAfter) {
        super("Too many " + action.key() + " attempts. Try again in " + Math.max(1, retryAfter.toSeconds())
                + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
