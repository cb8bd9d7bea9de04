package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dailypapers.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A burst of ids from many threads (as from many instances sharing one database): all distinct, each thread's in
 * creation order, below 2^53. The former generator's 12 random bits per millisecond collided within a few thousand.
 */
class IdsTest {

    @TempDir
    Path dir;

    @Test
    void shouldNeverRepeatAnIdInABurstOnSqlite() throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + dir.resolve("ids.db"));
        burst(JdbcClient.create(ds));
    }

    @Test
    void shouldNeverRepeatAnIdInABurstOnPostgres() throws Exception {
        String url = TestDatabases.requirePostgres();
        if (url == null) {
            return; // TestDatabases fails instead when CI=true
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        String schemaUrl = TestDatabases.freshPostgresSchema("ids");
        ds.setUrl(schemaUrl);
        try {
            burst(JdbcClient.create(ds));
        } finally {
            TestDatabases.dropSchemaOf(schemaUrl);
        }
    }

    private void burst(JdbcClient jdbc) throws Exception {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V32__id_sequence.sql"));
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        Ids ids = new Ids(jdbc);
        int threads = 4;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(ids.next());
                }
                return mine;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : results) {
            List<Long> mine = f.get();
            assertThat(mine).isSorted();
            all.addAll(mine);
        }
        pool.shutdown();
        assertThat(all).hasSize(threads * each);
        assertThat(all).allSatisfy(id -> assertThat(id).isLessThan(1L << 53).isGreaterThan(0));
    }
}
