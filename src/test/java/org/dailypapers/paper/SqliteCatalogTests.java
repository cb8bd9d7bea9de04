package org.dailypapers.paper;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SqliteCatalogTests extends CatalogContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", () -> tempHome());
        registry.add("dailypapers.db-url", () -> "");
    }

    private static String tempHome() {
        try {
            return Files.createTempDirectory("catalog-sqlite-").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
