package org.dailypapers.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's state machine, shared by mail ({@code digest_outbox}) and webhooks ({@code webhook_outbox}): a row
 * moves PENDING → SENDING (claimed under a lease) → SENT, back to PENDING with a later {@code next_attempt_at} after
 * a temporary failure, or to FAILED. Claims are conditional updates, so of several instances sharing the database
 * exactly one wins each row, and a row whose owner died becomes claimable when its lease runs out.
 */
final class OutboxTable {

    private static final String DUE =
            "(status = 'PENDING' AND next_attempt_at <= :now)" + " OR (status = 'SENDING' AND lease_until <= :now)";

    private final JdbcClient jdbc;
    private final String table;

    OutboxTable(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    List<String> dueIds(Instant now, int limit, @Nullable String recipient) {
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT id FROM " + table + " WHERE (" + DUE + ")"
                        + (recipient == null ? "" : " AND recipient = :recipient")
                        + " ORDER BY created_at, id LIMIT :limit")
                .param("now", Timestamps.format(now))
                .param("limit", limit);
        if (recipient != null) {
            spec = spec.param("recipient", recipient);
        }
        return spec.query(String.class).list();
    }

    /** Takes the row if it is still due; false when another instance took it first. */
    boolean claim(String id, String owner, Instant now, Duration lease) {
        return jdbc.sql("UPDATE " + table + " SET status = 'SENDING', lease_owner = :owner,"
                                + " lease_until = :until, attempts = attempts + 1 WHERE id = :id AND (" + DUE + ")")
                        .param("owner", owner)
                        .param("until", Timestamps.format(now.plus(lease)))
                        .param("id", id)
                        .param("now", Timestamps.format(now))
                        .update()
                > 0;
    }

    /** False when the lease had run out and another instance took the row over meanwhile. */
    boolean markSent(String id, String owner, Instant now) {
        return jdbc.sql("UPDATE " + table + " SET status = 'SENT', sent_at = ?, lease_owner = NULL,"
                                + " lease_until = NULL, last_error = NULL WHERE id = ? AND lease_owner = ?")
                        .params(Timestamps.format(now), id, owner)
                        .update()
                > 0;
    }

    void markRetry(String id, String owner, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE " + table + " SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL,"
                        + " lease_until = NULL, last_error = ? WHERE id = ? AND lease_owner = ?")
                .params(Timestamps.format(nextAttempt), error, id, owner)
                .update();
    }

    void markFailed(String id, String owner, Instant now, String error) {
        jdbc.sql("UPDATE " + table + " SET status = 'FAILED', next_attempt_at = ?, lease_owner = NULL,"
                        + " lease_until = NULL, last_error = ? WHERE id = ? AND lease_owner = ?")
                .params(Timestamps.format(now), error, id, owner)
                .update();
    }

    /** When the first lease held by a live instance runs out, if any row is being sent. */
    Optional<Instant> nextLeaseExpiry(Instant now) {
        return jdbc
                .sql("SELECT MIN(lease_until) FROM " + table + " WHERE status = 'SENDING' AND lease_until > ?")
                .param(Timestamps.format(now))
                .query(String.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst()
                .flatMap(Timestamps::parse);
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM " + table + " GROUP BY status")
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }
}
