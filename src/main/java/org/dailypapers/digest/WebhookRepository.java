package org.dailypapers.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dailypapers.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    private static final String COLUMNS = "id, user_id, scope, shape, url, secret, status, client_errors, last_error,"
            + " last_error_at, last_period_end, created_at";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Webhook create(long userId, Webhook.Scope scope, Webhook.Shape shape, String url, String secret, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO webhook (id, user_id, scope, shape, url, secret, status, client_errors, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?)")
                .params(id, userId, scope.name(), shape.name(), url, secret, Timestamps.format(now))
                .update();
        return find(id).orElseThrow();
    }

    Optional<Webhook> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE id = ?")
                .param(id)
                .query(WebhookRepository::map)
                .optional();
    }

    List<Webhook> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE user_id = ? ORDER BY created_at, id")
                .param(userId)
                .query(WebhookRepository::map)
                .list();
    }

    List<Webhook> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE status = 'ACTIVE' ORDER BY created_at, id")
                .query(WebhookRepository::map)
                .list();
    }

    boolean delete(String id, long userId) {
        return jdbc.sql("DELETE FROM webhook WHERE id = ? AND user_id = ?")
                        .params(id, userId)
                        .update()
                > 0;
    }

    /** Active again with a clean record, for the owner after fixing the receiver. */
    boolean enable(String id, long userId) {
        return jdbc.sql("UPDATE webhook SET status = 'ACTIVE', client_errors = 0 WHERE id = ? AND user_id = ?")
                        .params(id, userId)
                        .update()
                > 0;
    }

    void setLastPeriodEnd(String id, LocalDate day) {
        jdbc.sql("UPDATE webhook SET last_period_end = ? WHERE id = ?")
                .params(day.toString(), id)
                .update();
    }

    void delivered(String id) {
        jdbc.sql("UPDATE webhook SET client_errors = 0 WHERE id = ?").param(id).update();
    }

    void failed(String id, String error, Instant now) {
        jdbc.sql("UPDATE webhook SET last_error = ?, last_error_at = ? WHERE id = ?")
                .params(error, Timestamps.format(now), id)
                .update();
    }

    /** Counts a 4xx answer; disables the webhook at {@code limit} (1 for a 410). Returns whether it is disabled. */
    boolean clientError(String id, String error, Instant now, int limit) {
        jdbc.sql("UPDATE webhook SET client_errors = client_errors + 1, last_error = ?, last_error_at = ? WHERE id = ?")
                .params(error, Timestamps.format(now), id)
                .update();
        return jdbc.sql("UPDATE webhook SET status = 'DISABLED' WHERE id = ? AND client_errors >= ?")
                        .params(id, limit)
                        .update()
                > 0;
    }

    private static Webhook map(ResultSet rs, int row) throws SQLException {
        String end = rs.getString("last_period_end");
        return new Webhook(
                rs.getString("id"),
                rs.getLong("user_id"),
                Webhook.Scope.valueOf(rs.getString("scope")),
                Webhook.Shape.valueOf(rs.getString("shape")),
                rs.getString("url"),
                rs.getString("secret"),
                Webhook.Status.valueOf(rs.getString("status")),
                rs.getInt("client_errors"),
                rs.getString("last_error"),
                Timestamps.parseNullable(rs.getString("last_error_at")),
                end == null ? null : LocalDate.parse(end),
                Timestamps.parse(rs.getString("created_at")).orElseThrow());
    }
}
