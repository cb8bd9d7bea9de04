package org.dailypapers.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets the instances of a site share, kept in the database ({@code site_secret}) rather than in an instance's
 * home folder. The first instance that asks for a secret creates it; an insert that loses the race to another
 * instance changes nothing, and both read back the one stored.
 */
@Component
public class SiteSecrets {

    private final JdbcClient jdbc;

    SiteSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The named secret, created from {@code initial} (hex of 32 random bytes when that gives null) if missing. */
    public String secret(String name, Supplier<@Nullable String> initial) {
        return jdbc.sql("SELECT value FROM site_secret WHERE name = ?")
                .param(name)
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    String value = initial.get();
                    if (value == null || value.isBlank()) {
                        value = randomHex();
                    }
                    jdbc.sql("INSERT INTO site_secret (name, value, created_at) VALUES (?, ?, ?)"
                                    + " ON CONFLICT (name) DO NOTHING")
                            .params(name, value, Timestamps.format(Instant.now()))
                            .update();
                    return jdbc.sql("SELECT value FROM site_secret WHERE name = ?")
                            .param(name)
                            .query(String.class)
                            .single();
                });
    }

    static String randomHex() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
