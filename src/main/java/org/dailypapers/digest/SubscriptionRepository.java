package org.dailypapers.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "id, email, user_id, status, frequency, trending_count, for_you,"
            + " saved_searches, categories, created_at, confirmed_at, last_period_end";

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Subscription> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest_subscription WHERE id = ?")
                .param(id)
                .query(SubscriptionRepository::map)
                .optional();
    }

    Optional<Subscription> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM digest_subscription WHERE email = ?")
                .param(email)
                .query(SubscriptionRepository::map)
                .optional();
    }

    List<Subscription> findActive() {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM digest_subscription WHERE status = 'ACTIVE' ORDER BY created_at, id")
                .query(SubscriptionRepository::map)
                .list();
    }

    /** Creates a pending subscription, or makes an existing inactive one pending again with the new preferences. */
    Subscription savePending(String email, Subscription.Preferences prefs, Instant now) {
        Optional<Subscription> existing = findByEmail(email);
        if (existing.isPresent()) {
            updatePreferences(existing.get().id(), prefs);
            jdbc.sql("UPDATE digest_subscription SET status = 'PENDING' WHERE id = ?")
                    .param(existing.get().id())
                    .update();
            return find(existing.get().id()).orElseThrow();
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO digest_subscription (id, email, status, frequency, trending_count, for_you,"
                        + " saved_searches, categories, created_at) VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        email,
                        prefs.frequency().name(),
                        prefs.trendingCount(),
                        prefs.forYou() ? 1 : 0,
                        String.join("\n", prefs.savedSearches()),
                        String.join(" ", prefs.categories()),
                        Timestamps.format(now))
                .update();
        return find(id).orElseThrow();
    }

    void updatePreferences(String id, Subscription.Preferences prefs) {
        jdbc.sql("UPDATE digest_subscription SET frequency = ?, trending_count = ?, for_you = ?, saved_searches = ?,"
                        + " categories = ? WHERE id = ?")
                .params(
                        prefs.frequency().name(),
                        prefs.trendingCount(),
                        prefs.forYou() ? 1 : 0,
                        String.join("\n", prefs.savedSearches()),
                        String.join(" ", prefs.categories()),
                        id)
                .update();
    }

    /** Activates a pending subscription; a paused or active one stays as it is. */
    void confirm(String id, Instant now) {
        jdbc.sql(
                        "UPDATE digest_subscription SET status = 'ACTIVE', confirmed_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(Timestamps.format(now), id)
                .update();
    }

    void setStatus(String id, Subscription.Status status) {
        jdbc.sql("UPDATE digest_subscription SET status = ? WHERE id = ?")
                .params(status.name(), id)
                .update();
    }

    void setLastPeriodEnd(String id, LocalDate day) {
        jdbc.sql("UPDATE digest_subscription SET last_period_end = ? WHERE id = ?")
                .params(day.toString(), id)
                .update();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        String searches = rs.getString("saved_searches");
        String categories = rs.getString("categories");
        String lastEnd = rs.getString("last_period_end");
        return new Subscription(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("user_id"),
                Subscription.Status.valueOf(rs.getString("status")),
                Subscription.Frequency.valueOf(rs.getString("frequency")),
                rs.getInt("trending_count"),
                rs.getInt("for_you") != 0,
                split(searches, "\n"),
                split(categories, " "),
                Timestamps.parse(rs.getString("created_at")).orElseThrow(),
                Timestamps.parseNullable(rs.getString("confirmed_at")),
                lastEnd == null ? null : LocalDate.parse(lastEnd));
    }

    private static List<String> split(@Nullable String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).filter(s -> !s.isBlank()).toList();
    }
}
