package org.dailypapers.follow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.dailypapers.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The secret in the private feed URL of a reader's "For you" page. One per reader: making a new one revokes the old
 * URL. Only a SHA-256 is stored, as for API tokens, so the database never holds a working URL.
 */
@Repository
class FeedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    FeedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the reader; the previous URL stops working. */
    String renew(long userId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        revoke(userId);
        jdbc.sql("INSERT INTO for_you_feed_token (user_id, token_hash, created_at) VALUES (?, ?, ?)")
                .params(userId, hash(token), Timestamps.format(Instant.now()))
                .update();
        return token;
    }

    void revoke(long userId) {
        jdbc.sql("DELETE FROM for_you_feed_token WHERE user_id = ?")
                .param(userId)
                .update();
    }

    boolean exists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM for_you_feed_token WHERE user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Long> owner(String token) {
        if (token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM for_you_feed_token WHERE token_hash = ?")
                .param(hash(token))
                .query(Long.class)
                .optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
