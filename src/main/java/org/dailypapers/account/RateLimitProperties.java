package org.dailypapers.account;

import java.time.Duration;
import org.dailypapers.shared.RateLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per client: {@code capacity} attempts at once, refilled evenly over {@code period}. Written as
 * {@code dailypapers.security.rate-limits.comment=20/PT10M}. {@code log-in-slow-down} is how long each log-in
 * attempt on an account waits once its {@code log-in-failures} are spent (docs/decisions/0008-log-in-throttling.md).
 */
@ConfigurationProperties("dailypapers.security.rate-limits")
record RateLimitProperties(
        @DefaultValue("5/PT1H") String signUp,
        @DefaultValue("10/PT5M") String logIn,
        @DefaultValue("5/PT5M") String logInPair,
        @DefaultValue("10/PT1H") String logInFailures,
        @DefaultValue("10/PT1H") String submit,
        @DefaultValue("20/PT10M") String comment,
        @DefaultValue("PT2S") Duration logInSlowDown) {

    RateLimits.Limit limit(RateLimitedAction action) {
        String text =
                switch (action) {
                    case SIGN_UP -> signUp;
                    case LOG_IN -> logIn;
                    case LOG_IN_PAIR -> logInPair;
                    case LOG_IN_FAILURES -> logInFailures;
                    case SUBMIT -> submit;
                    case COMMENT -> comment;
                };
        int slash = text.indexOf('/');
        try {
            int capacity = Integer.parseInt(text.substring(0, slash).trim());
            Duration period = Duration.parse(text.substring(slash + 1).trim());
            return new RateLimits.Limit(capacity, period);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "dailypapers.security.rate-limits." + action.key() + ": expected COUNT/ISO-DURATION such as"
                            + " 20/PT10M, got '" + text + "'",
                    e);
        }
    }
}
