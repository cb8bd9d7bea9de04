package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code user create --admin} without a terminal generates and prints a password once; {@code token create} prints a
 * token once and stores only its hash. Run as a user runs them, in a child JVM without a console.
 */
class UserAndTokenCommandTests {

    @TempDir
    Path work;

    @Test
    void shouldCreateTheFirstAdminAndATokenStoringOnlyHashes() throws Exception {
        Path home = work.resolve("home");

        CliProcess.Result user =
                CliProcess.run(home, work.resolve("user.log"), "user", "create", "--admin", "Root@Example.org");
        CliProcess.Result token =
                CliProcess.run(home, work.resolve("token.log"), "token", "create", "root@example.org");
        CliProcess.Result unknown =
                CliProcess.run(home, work.resolve("unknown.log"), "token", "create", "nobody@example.org");

        assertThat(user.exitCode()).as(user.output()).isZero();
        assertThat(user.output()).contains("created administrator root@example.org (user name root)");
        Matcher password = Pattern.compile("password: (\\S{20})").matcher(user.output());
        assertThat(password.find()).as(user.output()).isTrue();
        assertThat(token.exitCode()).as(token.output()).isZero();
        Matcher printed =
                Pattern.compile("^(dp_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE).matcher(token.output());
        assertThat(printed.find()).as(token.output()).isTrue();
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("no user with the email address nobody@example.org");

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("dailypapers.db"));
                ResultSet u = db.createStatement()
                        .executeQuery("SELECT password_hash, is_admin FROM app_user WHERE email = 'root@example.org'");
                ResultSet t = db.createStatement().executeQuery("SELECT token_hash FROM api_token")) {
            assertThat(u.next()).isTrue();
            String hash = u.getString(1);
            assertThat(hash).startsWith("{bcrypt}").doesNotContain(password.group(1));
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                            .matches(password.group(1), hash))
                    .isTrue();
            assertThat(u.getBoolean(2)).isTrue();
            assertThat(t.next()).isTrue();
            assertThat(t.getString(1)).isEqualTo(sha256(printed.group(1)));
        }
        assertThat(Files.readString(home.resolve("dailypapers.db"), StandardCharsets.ISO_8859_1))
                .doesNotContain(printed.group(1));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
