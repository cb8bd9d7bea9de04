package org.dailypapers.digest;

import java.nio.file.Path;
import org.dailypapers.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
class PostgresOutboxTests extends OutboxContractTests {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshPostgresSchema("digest");
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> url);
    }
}
