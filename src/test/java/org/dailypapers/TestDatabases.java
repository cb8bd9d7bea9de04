package org.dailypapers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL for tests when {@code DAILYPAPERS_TEST_POSTGRES_URL} is set ({@code .ci/run} points it at the local
 * server): each caller gets a schema of its own so test classes never see each other's rows.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_ENV = "DAILYPAPERS_TEST_POSTGRES_URL";

    private TestDatabases() {}

    public static @Nullable String postgresUrl() {
        String url = System.getenv(POSTGRES_URL_ENV);
        return url == null || url.isBlank() ? null : url;
    }

    /** The URL, or null outside CI when none is set; with CI=true a missing PostgreSQL fails the test. */
    public static @Nullable String requirePostgres() {
        RequiredComponent.require(
                postgresUrl() != null, "PostgreSQL is not configured: set " + POSTGRES_URL_ENV + " (.ci/run does)");
        return postgresUrl();
    }

    /** Drops the schema of a URL made by {@link #freshPostgresSchema}, so that test runs leave nothing behind. */
    public static void dropSchemaOf(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]currentSchema=([a-z0-9_]+)")
                .matcher(url);
        if (!m.find()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + m.group(1) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schema of " + url, e);
        }
    }

    /** Creates a fresh schema and returns a JDBC URL whose connections use it. */
    public static String freshPostgresSchema(String prefix) {
        String base = postgresUrl();
        if (base == null) {
            throw new IllegalStateException(POSTGRES_URL_ENV + " is not set");
        }
        String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
