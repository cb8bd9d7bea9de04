package org.dailypapers.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Instance settings under {@code dailypapers.*}.
 *
 * @param home folder that holds the embedded database, the search index and caches
 * @param baseUrl public address of the site, used for links in feeds and mails
 * @param demo whether {@code serve} loads the bundled demo data set into an empty catalog
 * @param dbUrl JDBC URL of the catalog database; empty selects SQLite under {@code home}
 */
@ConfigurationProperties("dailypapers")
public record DailyPapersProperties(
        @DefaultValue("./data") Path home,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("true") boolean demo,
        @DefaultValue("") String dbUrl,
        @DefaultValue("") String dbUser,
        @DefaultValue("") String dbPassword) {

    public boolean embeddedDatabase() {
        return dbUrl.isBlank() || dbUrl.startsWith("jdbc:sqlite:");
    }
}
