package org.dailypapers.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dailypapers.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook side of the outbox: one row per (webhook, period), holding the body as composed, so that a retry or
 * the takeover of a dead sender's row posts the same bytes. States and leases are {@link OutboxTable}'s.
 */
@Repository
class WebhookOutbox {

    private final JdbcClient jdbc;
    private final OutboxTable table;

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new OutboxTable(jdbc, "webhook_outbox");
    }

    /** A claimed delivery. */
    record Delivery(String id, String webhookId, String period, String url, String body, int attempts) {}

    boolean exists(String webhookId, String period) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id = ? AND period = ?")
                        .params(webhookId, period)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** False when this (webhook, period) was planned already, by this instance or another. */
    boolean enqueue(String webhookId, String period, String url, String body, Instant now) {
        String at = Timestamps.format(now);
        return jdbc.sql("INSERT INTO webhook_outbox (id, webhook_id, period, recipient, body, status, attempts,"
                                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                                + " ON CONFLICT (webhook_id, period) DO NOTHING")
                        .params(UUID.randomUUID().toString(), webhookId, period, url, body, at, at)
                        .update()
                > 0;
    }

    List<String> dueIds(Instant now, int limit) {
        return table.dueIds(now, limit, null);
    }

    Optional<Delivery> claim(String id, String owner, Instant now, Duration lease) {
        if (!table.claim(id, owner, now, lease)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, webhook_id, period, recipient, body, attempts FROM webhook_outbox"
                        + " WHERE id = ? AND lease_owner = ?")
                .params(id, owner)
                .query((rs, row) -> new Delivery(
                        rs.getString("id"),
                        rs.getString("webhook_id"),
                        rs.getString("period"),
                        rs.getString("recipient"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .optional();
    }

    boolean markSent(String id, String owner, Instant now) {
        return table.markSent(id, owner, now);
    }

    void markRetry(String id, String owner, Instant next, String error) {
        table.markRetry(id, owner, next, error);
    }

    void markFailed(String id, String owner, Instant now, String error) {
        table.markFailed(id, owner, now, error);
    }

    Map<String, Long> countsByStatus() {
        return table.countsByStatus();
    }
}
