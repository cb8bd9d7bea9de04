package org.dailypapers.community;

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
class PostgresCommunityTests extends CommunityContractTests {

    private static String url = "";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        url = TestDatabases.freshPostgresSchema("community");
        // a home of its own: the default ./data is the developer's
        String home = Files.createTempDirectory("community-pg-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> url);
    }

    @AfterAll
    static void dropSchema() {
        PostgresSchemas.drop(url);
    }
}
