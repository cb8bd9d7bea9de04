package org.dailypapers.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per client: {@code capacity} attempts at once, refilled evenly over {@code period}. Written as
 * {@code dailypapers.security.rate-limits.comment=20/PT10M}.
 */
@ConfigurationProperties("dailypapers.security.rate-limits")
record RateLimitProperties(
        @DefaultValue("5/PT1H") String signUp,
        @DefaultValue("10/PT5M") String logIn,
        @DefaultValue("10/PT1H") String submit,
        @DefaultValue("20/PT10M") String comment) {

    record Limit(int capacity, Duration period) {}

    Limit limit(RateLimitedAction action) {
        String text =
                switch (action) {
                    case SIGN_UP -> signUp;
                    case LOG_IN -> logIn;
                    case SUBMIT -> submit;
                    case COMMENT -> comment;
                };
        int slash = text.indexOf('/');
        try {
            int capacity = Integer.parseInt(text.substring(0, slash).trim());
            Duration period = Duration.parse(text.substring(slash + 1).trim());
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("capacity and period must be positive");
            }
            return new Limit(capacity, period);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "dailypapers.security.rate-limits." + action.key() + ": expected COUNT/ISO-DURATION such as"
                            + " 20/PT10M, got '" + text + "'",
                    e);
        }
    }
}
