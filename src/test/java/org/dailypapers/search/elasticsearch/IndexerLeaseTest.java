package org.dailypapers.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class IndexerLeaseTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldLetOneInstanceIndexAndReplaceACrashedOneOnceItsLeaseExpires(@TempDir Path dir) throws Exception {
        var ds = new SingleConnectionDataSource("jdbc:sqlite:" + dir.resolve("db.sqlite"), true);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V12__search_lease.sql")));
        HandClock clock = new HandClock();
        IndexerLease first = new IndexerLease(jdbc, Duration.ofSeconds(45), clock);
        IndexerLease second = new IndexerLease(jdbc, Duration.ofSeconds(45), clock);

        assertThat(first.acquire()).isTrue();
        assertThat(second.acquire()).isFalse();
        clock.now = clock.now.plusSeconds(30);
        assertThat(first.acquire()).as("renewed").isTrue();
        clock.now = clock.now.plusSeconds(30);
        assertThat(second.acquire()).as("the first renewed 30 s ago").isFalse();
        // The first crashes: it renews no more, and within the lease's 45 s the second takes over.
        clock.now = clock.now.plusSeconds(46);
        assertThat(second.acquire()).isTrue();
        assertThat(first.acquire()).isFalse();
        second.release();
        assertThat(first.acquire()).as("a clean stop hands over at once").isTrue();
        ds.destroy();
    }
}
