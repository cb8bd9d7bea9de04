package org.dailypapers.account;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets per action and client key (user id or remote address). One instance's memory is enough:
 * limits slow abuse down, they are not quotas, and a restart forgetting them costs nothing.
 */
@Component
public class RateLimiter {

    /** Past this many tracked clients, full buckets (clients idle for a whole period) are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<RateLimitedAction, RateLimitProperties.Limit> limits = new EnumMap<>(RateLimitedAction.class);
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties properties) {
        for (RateLimitedAction a : RateLimitedAction.values()) {
            limits.put(a, properties.limit(a));
        }
    }

    /** Takes one token, or throws with the time until the next one. */
    public void acquire(RateLimitedAction action, String clientKey) {
        RateLimitProperties.Limit limit = limits.get(action);
        if (buckets.size() > PRUNE_ABOVE) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(action.key() + '\u0000' + clientKey, k -> new Bucket(limit));
        long waitNanos = bucket.tryTake(System.nanoTime());
        if (waitNanos > 0) {
            throw new RateLimitExceededException(action, Duration.ofNanos(waitNanos));
        }
    }

    private static final class Bucket {
        private final int capacity;
        private final double nanosPerToken;
        private double tokens;
        private long updatedAt;

        Bucket(RateLimitProperties.Limit limit) {
            this.capacity = limit.capacity();
            this.nanosPerToken = (double) limit.period().toNanos() / limit.capacity();
            this.tokens = capacity;
            this.updatedAt = System.nanoTime();
        }

        /** 0 when a token was taken, else the nanoseconds until one is available. */
        synchronized long tryTake(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * nanosPerToken);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) / nanosPerToken);
            updatedAt = now;
        }
    }
}
