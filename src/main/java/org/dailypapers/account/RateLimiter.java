package org.dailypapers.account;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.dailypapers.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * The limits of {@link RateLimitedAction}s per client key (user id or remote address), as configured under
 * {@code dailypapers.security.rate-limits}. The buckets are the site's shared ones ({@link RateLimits}), so every
 * instance draws on the same tokens.
 */
@Component
public class RateLimiter {

    private final Map<RateLimitedAction, RateLimits.Limit> limits = new EnumMap<>(RateLimitedAction.class);
    private final RateLimits buckets;
    private final Duration logInSlowDown;

    RateLimiter(RateLimitProperties properties, RateLimits buckets) {
        this.logInSlowDown = properties.logInSlowDown();
        for (RateLimitedAction a : RateLimitedAction.values()) {
            limits.put(a, properties.limit(a));
        }
        this.buckets = buckets;
    }

    /** Takes one token, or throws with the time until the next one. */
    public void acquire(RateLimitedAction action, String clientKey) {
        buckets.tryTake(bucket(action, clientKey), limits.get(action)).ifPresent(wait -> {
            throw new RateLimitExceededException(action, wait);
        });
    }

    /** Tokens left for the client, without taking one. */
    long available(RateLimitedAction action, String clientKey) {
        return buckets.available(bucket(action, clientKey), limits.get(action));
    }

    /** Takes a token if there is one; never refuses. For counting, such as failed log-ins. */
    void record(RateLimitedAction action, String clientKey) {
        buckets.takeIfAny(bucket(action, clientKey), limits.get(action));
    }

    Duration logInSlowDown() {
        return logInSlowDown;
    }

    private static String bucket(RateLimitedAction action, String clientKey) {
        return action.key() + ':' + clientKey;
    }
}
