package org.dailypapers.paper;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SqliteSourceRecordsTests extends SourceRecordsContractTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("records-sqlite-").toString();
        registry.add("dailypapers.home", () -> home);
        registry.add("dailypapers.db-url", () -> "");
    }
}
