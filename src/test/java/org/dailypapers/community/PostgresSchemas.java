package org.dailypapers.community;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drops the schema a test class got from {@code TestDatabases.freshPostgresSchema}, so test runs leave nothing. */
final class PostgresSchemas {

    private static final Pattern SCHEMA = Pattern.compile("[?&]currentSchema=([a-z0-9_]+)");

    private PostgresSchemas() {}

    static void drop(String url) {
        Matcher m = SCHEMA.matcher(url);
        if (!m.find()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            // the test's context may still hold idle pooled connections; they hold no locks, CASCADE drops the tables
            s.execute("DROP SCHEMA IF EXISTS " + m.group(1) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schema of " + url, e);
        }
    }
}
