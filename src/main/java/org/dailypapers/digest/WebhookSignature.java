package org.dailypapers.digest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signature of webhook deliveries: {@code X-Dailypapers-Timestamp} carries the Unix time of the attempt and
 * {@code X-Dailypapers-Signature} is {@code sha256=} and the hex HMAC-SHA256, under the webhook's secret, of
 * {@code TIMESTAMP + "." + BODY}. A receiver recomputes it and refuses timestamps outside a tolerance, so a captured
 * request cannot be replayed later. Public so that receivers written in Java can use {@link #verify}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Dailypapers-Signature";
    public static final String TIMESTAMP_HEADER = "X-Dailypapers-Timestamp";
    public static final String DELIVERY_HEADER = "X-Dailypapers-Delivery";
    /** What receivers should allow, and what {@link #verify} defaults to. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** {@code sha256=<hex>} */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public enum Verdict {
        VALID,
        BAD_SIGNATURE,
        /** Older or newer than the tolerance: a replay, or a clock far off. */
        STALE_TIMESTAMP,
        MISSING
    }

    /** Checks a received delivery; constant-time comparison of the signature. */
    public static Verdict verify(
            String secret,
            @Nullable String timestampHeader,
            @Nullable String signatureHeader,
            String body,
            Instant now,
            Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return Verdict.STALE_TIMESTAMP;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        byte[] given = signatureHeader.strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }
}
