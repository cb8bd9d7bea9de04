package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.dailypapers.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import command end to end in child JVMs: the 74,728-paper corpus complete, and (on its first 20,000 records)
 * idempotent and safe to kill.
 */
class ImportCommandTests {

    @TempDir
    Path work;

    @Test
    void shouldImportTheCorpusIdempotentlyAndSurviveAKill() throws Exception {
        String file = TestData.arxivDailyCs().toString();
        Path whole = work.resolve("whole");
        CliProcess.Result complete = CliProcess.run(whole, work.resolve("whole.log"), "import", file);

        assertThat(complete.exitCode()).as(complete.output()).isZero();
        assertThat(complete.output()).contains("imported=74728 updated=0 skipped=0");
        assertThat(count(whole)).isEqualTo(74_728);
        // The index followed the import: every paper is searchable when the command ends.
        assertThat(indexed(whole)).isEqualTo(74_728);

        // Idempotence and the kill run on the first 20,000 real records: the same guarantees, a third of the work.
        String part = firstRecords(TestData.arxivDailyCs(), 20_000, work.resolve("part.jsonl.gz"))
                .toString();
        Path reference = work.resolve("reference");
        Path killed = work.resolve("killed");
        CliProcess.Result first = CliProcess.run(reference, work.resolve("first.log"), "import", part);
        CliProcess.Result second = CliProcess.run(reference, work.resolve("second.log"), "import", part);
        assertThat(first.output()).contains("imported=20000 updated=0 skipped=0");
        assertThat(second.output()).contains("imported=0 updated=0 skipped=20000");

        Process victim = CliProcess.start(killed, work.resolve("victim.log"), "import", part);
        long seen = waitForPapers(killed, 5_000, victim, Duration.ofMinutes(3));
        victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
        victim.waitFor(1, TimeUnit.MINUTES);
        assertThat(seen).as("killed in the middle").isBetween(5_000L, 19_999L);
        CliProcess.Result rerun = CliProcess.run(killed, work.resolve("rerun.log"), "import", part);

        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(count(killed)).isEqualTo(20_000);
        assertThat(fingerprint(killed)).isEqualTo(fingerprint(reference));
        // The rerun's index resumed from its last commit before the kill and holds each paper once.
        assertThat(indexed(killed)).isEqualTo(20_000);
    }

    /** The first {@code n} lines of a gzipped JSON-lines file, as another gzipped file. */
    private static Path firstRecords(Path source, int n, Path target) throws java.io.IOException {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(source)),
                        java.nio.charset.StandardCharsets.UTF_8));
                var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(target)),
                        java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; i < n && (line = in.readLine()) != null; i++) {
                out.write(line);
                out.newLine();
            }
        }
        return target;
    }

    /** Polls the database the child writes to until it holds enough papers (or the child ends). */
    private static long waitForPapers(Path home, long atLeast, Process child, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            long n = countIfReady(home);
            if (n >= atLeast) {
                return n;
            }
            child.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return countIfReady(home);
    }

    /** Papers in the last commit of the home's search index. */
    private static long indexed(Path home) throws java.io.IOException {
        try (var reader = org.apache.lucene.index.DirectoryReader.open(
                org.apache.lucene.store.FSDirectory.open(home.resolve("index")))) {
            return reader.numDocs();
        }
    }

    private static long countIfReady(Path home) {
        try {
            return count(home);
        } catch (SQLException e) {
            return 0; // the database or its table does not exist yet
        }
    }

    private static long count(Path home) throws SQLException {
        try (Connection c = connect(home);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM paper")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Everything a paper row holds except the change number, which is a time and differs between runs. */
    private static String fingerprint(Path home) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Connection c = connect(home);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, version, title, abstract, authors, categories, published_at,"
                        + " comments, links, upvotes FROM paper ORDER BY id")) {
            while (rs.next()) {
                for (int i = 1; i <= 10; i++) {
                    String v = rs.getString(i);
                    digest.update(String.valueOf(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Connection connect(Path home) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + home.resolve("dailypapers.db"));
    }
}
