package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/** The fleet's locks on SQLite across a restart: a new process finds the rows the last one left. */
class FleetLocksSqliteTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeALockWhoseRowALaterProcessFinds() throws Exception {
        SQLiteDataSource db = new SQLiteDataSource();
        db.setUrl("jdbc:sqlite:" + dir.resolve("locks.db"));
        new JdbcTemplate(db)
                .execute(Files.readString(Path.of("src/main/resources/db/migration/V51__scheduled_locks.sql")));
        LockConfiguration lock =
                new LockConfiguration(Instant.now(), FleetLocks.SEARCH_INDEXING, Duration.ofMinutes(1), Duration.ZERO);

        SimpleLock first = FleetConfiguration.jdbcLockProvider(db, true, "before-restart")
                .lock(lock)
                .orElseThrow();
        first.unlock();
        // A new process: its provider has never seen the row and inserts first.
        var restarted = FleetConfiguration.jdbcLockProvider(db, true, "after-restart");
        var again = restarted.lock(
                new LockConfiguration(Instant.now(), FleetLocks.SEARCH_INDEXING, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(again).as("the lock is free and taken by the new process").isPresent();
        assertThat(FleetConfiguration.jdbcLockProvider(db, true, "third")
                        .lock(new LockConfiguration(
                                Instant.now(), FleetLocks.SEARCH_INDEXING, Duration.ofMinutes(1), Duration.ZERO)))
                .as("held by the restarted process")
                .isEmpty();
        again.get().unlock();
    }
}
