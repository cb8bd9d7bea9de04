package org.dailypapers.shared;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one rate limiter of every module: Bucket4j token buckets kept in the database ({@code rate_limit_bucket}), so
 * that all instances of a site take their tokens from the same bucket and N instances allow what one would. A
 * bucket holds {@code capacity} tokens and refills them evenly over {@code period}.
 */
public final class RateLimits {

    /** A limit: {@code capacity} at once, refilled evenly over {@code period}. */
    public record Limit(int capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("capacity and period must be positive");
            }
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        }
    }

    /** Longer keys are hashed; the column holds 400 characters. */
    private static final int MAX_KEY = 300;

    private final ProxyManager<String> buckets;

    RateLimits(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    /**
     * Takes one token from the bucket named {@code key}.
     *
     * @return empty when a token was taken, else how long until one will be there
     */
    public Optional<Duration> tryTake(String key, Limit limit) {
        ConsumptionProbe probe =
                buckets.builder().build(rowId(key), limit::configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Tokens left in the bucket, without taking one. */
    public long available(String key, Limit limit) {
        return buckets.builder().build(rowId(key), limit::configuration).getAvailableTokens();
    }

    /**
     * The bucket's row id: the key itself, readable in the table, unless a client made it long (an email field is
     * whatever a client sends) or put a character PostgreSQL text cannot hold; then its SHA-256.
     */
    static String rowId(String key) {
        if (key.length() <= MAX_KEY && key.indexOf('\u0000') < 0) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes one token, or none when the bucket is empty, and says whether the bucket was empty. */
    public boolean takeIfAny(String key, Limit limit) {
        return tryTake(key, limit).isEmpty();
    }
}
