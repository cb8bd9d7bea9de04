package org.dailypapers.digest;

import java.nio.file.Path;
import org.dailypapers.NeedsPostgres;
import org.dailypapers.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@NeedsPostgres
@org.springframework.test.annotation.DirtiesContext
class PostgresOutboxTests extends OutboxContractTests {

    private static String url = "";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = TestDatabases.freshPostgresSchema("digest");
        registry.add("dailypapers.home", () -> home.toString());
        registry.add("dailypapers.db-url", () -> url);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabases.dropSchemaOf(url);
    }
}
