package org.dailypapers.community;

import org.dailypapers.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_ENV, matches = ".+")
@DirtiesContext
class PostgresCommunityTests extends CommunityContractTests {

    private static String url = "";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = TestDatabases.freshPostgresSchema("community");
        registry.add("dailypapers.db-url", () -> url);
    }

    @AfterAll
    static void dropSchema() {
        PostgresSchemas.drop(url);
    }
}
