package org.dailypapers.digest;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The webhook, follow and version-alert SQL on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
@DirtiesContext
class PostgresWebhookDeliveryTests extends WebhookDeliveryTests {

    private static String url = "";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = TestDatabases.freshPostgresSchema("webhooks");
        registry.add("dailypapers.db-url", () -> url);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        Matcher m = Pattern.compile("[?&]currentSchema=([a-z0-9_]+)").matcher(url);
        if (m.find()) {
            try (var c = DriverManager.getConnection(url);
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + m.group(1) + " CASCADE");
            }
        }
    }
}
