package org.dailypapers.paper;

import java.io.IOException;
import java.nio.file.Files;
import org.dailypapers.NeedsPostgres;
import org.dailypapers.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@NeedsPostgres
@DirtiesContext
class PostgresSourceRecordsTests extends SourceRecordsContractTests {

    private static String url = "";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        url = TestDatabases.freshPostgresSchema("records");
        String home = Files.createTempDirectory("records-pg-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> url);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabases.dropSchemaOf(url);
    }
}
