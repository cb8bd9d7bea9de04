package org.dailypapers.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.dailypapers.shared.DailyPapersProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    static final String SECRET_FILE = "digest-secret";

    @Bean
    LinkSigner digestLinkSigner(DigestProperties digest, DailyPapersProperties app) {
        if (!digest.secret().isBlank()) {
            return new LinkSigner(digest.secret().getBytes(StandardCharsets.UTF_8));
        }
        return new LinkSigner(HexFormat.of().parseHex(storedSecret(app.home())));
    }

    /**
     * A generated secret must survive restarts, or every link in mails already sent would stop working. It is written
     * under a temporary name and hard-linked into place, so two processes starting at once agree on one secret and
     * none reads a half-written file.
     */
    static String storedSecret(Path home) {
        Path file = home.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(home, SECRET_FILE, ".tmp");
                try {
                    Files.writeString(temp, HexFormat.of().formatHex(key));
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException e) {
                    // another process won the race; its secret is the one
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the digest secret " + file, e);
        }
    }
}
