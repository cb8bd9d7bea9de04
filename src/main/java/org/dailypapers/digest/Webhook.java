package org.dailypapers.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A registered webhook.
 *
 * @param scope {@code READER}: the owner's follows and saved searches; {@code SITE}: the daily trending (admins)
 * @param secret the HMAC key of the {@code X-Dailypapers-Signature} header
 * @param clientErrors consecutive 4xx answers; the webhook is disabled when they reach the limit
 * @param lastError the last failure, shown on the settings page, or null
 * @param lastPeriodEnd the last feed day a delivery was planned for (or found to have nothing new)
 */
public record Webhook(
        String id,
        long userId,
        Scope scope,
        Shape shape,
        String url,
        String secret,
        Status status,
        int clientErrors,
        @Nullable String lastError,
        @Nullable Instant lastErrorAt,
        @Nullable LocalDate lastPeriodEnd,
        Instant createdAt) {

    public enum Scope {
        READER,
        SITE
    }

    public enum Shape {
        /** Slack incoming webhook: {@code {"text": ..., "blocks": [...]}}. */
        SLACK,
        /** Discord webhook: {@code {"content": ..., "embeds": [...]}}. */
        DISCORD,
        /** The documented, signed schema {@code dailypapers.webhook.v1} (docs/webhooks.md). */
        JSON;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Shape> parse(String name) {
            for (Shape s : values()) {
                if (s.name().equalsIgnoreCase(name.strip())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public enum Status {
        ACTIVE,
        DISABLED
    }
}
