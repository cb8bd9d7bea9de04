package org.dailypapers.search.elasticsearch;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lease in the database ({@code search_lease}, V12) that lets exactly one of several instances sharing a
 * database run the Elasticsearch indexer. The holder renews it on every step; when it stops renewing (a crash) the
 * lease expires and the next instance that asks takes it. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class IndexerLease {

    static final String NAME = "elasticsearch-indexer";

    private final JdbcTemplate jdbc;
    private final Duration duration;
    private final Clock clock;
    private final String holder;

    public IndexerLease(JdbcTemplate jdbc, Duration duration, Clock clock) {
        this.jdbc = jdbc;
        this.duration = duration;
        this.clock = clock;
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Takes or renews the lease; false while another live holder has it. */
    public boolean acquire() {
        long now = clock.millis();
        long until = now + duration.toMillis();
        jdbc.update(
                "INSERT INTO search_lease (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                NAME,
                holder,
                until);
        int updated = jdbc.update(
                "UPDATE search_lease SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)",
                holder,
                until,
                NAME,
                holder,
                now);
        return updated == 1;
    }

    /** Gives the lease up at once (a clean stop), so that another instance need not wait for it to expire. */
    public void release() {
        jdbc.update("UPDATE search_lease SET expires_at = 0 WHERE name = ? AND holder = ?", NAME, holder);
    }

    String holder() {
        return holder;
    }
}
