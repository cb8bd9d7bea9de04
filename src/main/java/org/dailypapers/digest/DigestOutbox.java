package org.dailypapers.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox. Its states, claims and leases are {@link OutboxTable}'s, which the webhook outbox shares: a row
 * moves PENDING → SENDING (claimed under a lease) → SENT, back to PENDING with a later {@code next_attempt_at} after
 * a temporary failure, or to FAILED.
 */
@Repository
class DigestOutbox {

    private final JdbcClient jdbc;
    private final OutboxTable table;

    DigestOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new OutboxTable(jdbc, "digest_outbox");
    }

    boolean exists(String subscriptionId, String period) {
        return jdbc.sql("SELECT COUNT(*) FROM digest_outbox WHERE subscription_id = ? AND period = ?")
                        .params(subscriptionId, period)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** False when another instance planned this (subscription, period) first. */
    boolean enqueue(
            String subscriptionId,
            String period,
            String recipient,
            DigestRenderer.RenderedMail mail,
            String unsubscribeUrl,
            Instant now) {
        String at = Timestamps.format(now);
        return jdbc.sql("INSERT INTO digest_outbox (id, subscription_id, period, recipient, subject, text_body,"
                                + " html_body, unsubscribe_url, status, attempts, next_attempt_at, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                                + " ON CONFLICT (subscription_id, period) DO NOTHING")
                        .params(
                                UUID.randomUUID().toString(),
                                subscriptionId,
                                period,
                                recipient,
                                mail.subject(),
                                mail.text(),
                                mail.html(),
                                unsubscribeUrl,
                                at,
                                at)
                        .update()
                > 0;
    }

    List<String> dueIds(Instant now, int limit) {
        return dueIds(now, limit, null);
    }

    List<String> dueIds(Instant now, int limit, @Nullable String recipient) {
        return table.dueIds(now, limit, recipient);
    }

    /** Takes the row if it is still due; empty when another instance took it first. */
    Optional<OutboxMail> claim(String id, String owner, Instant now, Duration lease) {
        if (!table.claim(id, owner, now, lease)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, subscription_id, period, recipient, subject, text_body, html_body,"
                        + " unsubscribe_url, attempts FROM digest_outbox WHERE id = ? AND lease_owner = ?")
                .params(id, owner)
                .query(DigestOutbox::map)
                .optional();
    }

    /** False when the lease had run out and another instance took the row over meanwhile. */
    boolean markSent(String id, String owner, Instant now) {
        return table.markSent(id, owner, now);
    }

    void markRetry(String id, String owner, Instant nextAttempt, String error) {
        table.markRetry(id, owner, nextAttempt, error);
    }

    void markFailed(String id, String owner, Instant now, String error) {
        table.markFailed(id, owner, now, error);
    }

    /** Mails not yet sent to someone who unsubscribed are dropped. */
    void cancelUnsent(String subscriptionId) {
        jdbc.sql("UPDATE digest_outbox SET status = 'CANCELLED' WHERE subscription_id = ? AND status = 'PENDING'")
                .param(subscriptionId)
                .update();
    }

    /**
     * Drops the bodies of mails sent or cancelled before {@code before}. The rows stay: they are what keeps a
     * period from being planned again.
     */
    int compact(Instant before) {
        return jdbc.sql("UPDATE digest_outbox SET text_body = '', html_body = '' WHERE status IN ('SENT', 'CANCELLED')"
                        + " AND created_at < ? AND html_body <> ''")
                .param(Timestamps.format(before))
                .update();
    }

    /** When the first lease held by a live instance runs out, if any row is being sent. */
    Optional<Instant> nextLeaseExpiry(Instant now) {
        return table.nextLeaseExpiry(now);
    }

    Map<String, Long> countsByStatus() {
        return table.countsByStatus();
    }

    List<DeliveryFailure> failures() {
        return jdbc.sql("SELECT recipient, period, attempts, next_attempt_at, last_error FROM digest_outbox"
                        + " WHERE status = 'FAILED' ORDER BY next_attempt_at DESC")
                .query((rs, row) -> new DeliveryFailure(
                        rs.getString("recipient"),
                        rs.getString("period"),
                        rs.getInt("attempts"),
                        Timestamps.parseNullable(rs.getString("next_attempt_at")),
                        String.valueOf(rs.getString("last_error"))))
                .list();
    }

    private static OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(
                rs.getString("id"),
                rs.getString("subscription_id"),
                rs.getString("period"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                rs.getString("unsubscribe_url"),
                rs.getInt("attempts"));
    }
}
