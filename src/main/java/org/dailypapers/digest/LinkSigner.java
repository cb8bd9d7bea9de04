package org.dailypapers.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the tokens of confirmation, unsubscribe and preference links: purpose, subscription id and expiry under an
 * HMAC-SHA256, so a link works without a log-in and cannot be forged for another address or reused for another
 * purpose.
 */
final class LinkSigner {

    enum Purpose {
        CONFIRM,
        UNSUBSCRIBE,
        MANAGE
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    LinkSigner(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the digest secret must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    String sign(Purpose purpose, String subscriptionId, Instant expiresAt) {
        String payload = purpose.name() + ":" + subscriptionId + ":" + expiresAt.getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The subscription id of a genuine, unexpired token for this purpose. */
    Optional<String> verify(String token, Purpose purpose, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 400) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":");
        if (parts.length != 3 || !parts[0].equals(purpose.name())) {
            return Optional.empty();
        }
        try {
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(now)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
