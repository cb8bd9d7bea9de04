package org.dailypapers.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog database: SQLite in WAL mode under the home folder by default, or whatever
 * {@code DAILYPAPERS_DB_URL} names (PostgreSQL in production).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    DataSource dataSource(DailyPapersProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("catalog");
        if (properties.embeddedDatabase()) {
            String url = properties.dbUrl();
            if (url.isBlank()) {
                try {
                    Files.createDirectories(properties.home());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the home folder " + properties.home(), e);
                }
                url = "jdbc:sqlite:"
                        + properties.home().resolve("dailypapers.db").toAbsolutePath();
            }
            // WAL lets readers run beside the one writer; NORMAL sync is crash-safe in WAL mode (a killed process
            // loses no committed transaction); the busy timeout makes concurrent writers queue instead of failing.
            // Transactions begin IMMEDIATE: a deferred transaction that read before writing fails at once with
            // SQLITE_BUSY_SNAPSHOT when another connection committed in between (the busy timeout cannot help it),
            // whereas an immediate one takes the write lock first and so waits its turn.
            config.setJdbcUrl(url);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("cache_size", "-32000");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(properties.dbUrl());
            if (!properties.dbUser().isBlank()) {
                config.setUsername(properties.dbUser());
            }
            if (!properties.dbPassword().isBlank()) {
                config.setPassword(properties.dbPassword());
            }
            config.setMaximumPoolSize(10);
        }
        return new HikariDataSource(config);
    }
}
