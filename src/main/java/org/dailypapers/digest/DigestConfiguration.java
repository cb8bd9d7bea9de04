package org.dailypapers.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.dailypapers.shared.DailyPapersProperties;
import org.dailypapers.shared.SiteSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    /** The file that held a generated secret before it moved to the database; read once, to keep old links valid. */
    static final String SECRET_FILE = "digest-secret";

    static final String SECRET_NAME = "digest-link-key";

    /**
     * A configured secret wins; otherwise the site's generated one, kept in the database so that every instance
     * signs and checks links with the same key and a restart keeps the links in mails already sent working.
     */
    @Bean
    LinkSigner digestLinkSigner(DigestProperties digest, DailyPapersProperties app, SiteSecrets secrets) {
        if (!digest.secret().isBlank()) {
            return new LinkSigner(digest.secret().getBytes(StandardCharsets.UTF_8));
        }
        return new LinkSigner(HexFormat.of().parseHex(secrets.secret(SECRET_NAME, () -> legacySecret(app.home()))));
    }

    /** The secret an older version generated into the home folder, if this home has one. */
    static @Nullable String legacySecret(Path home) {
        Path file = home.resolve(SECRET_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digest secret " + file, e);
        }
    }
}
