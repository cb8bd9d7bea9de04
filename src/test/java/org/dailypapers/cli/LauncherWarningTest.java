package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher keeps {@code --add-modules jdk.incubator.vector} (Lucene's vector speed) but drops the one line the
 * JVM prints for it, so a command prints only its own lines. Runs the launcher's own filter function in bash.
 */
class LauncherWarningTest {

    private static final Path LAUNCHER = Path.of("dailypapers");

    private static String filter(String stderr) throws IOException, InterruptedException {
        String script = "eval \"$(sed -n '/^drop_incubator_warning()/,/^}/p' dailypapers)\"; drop_incubator_warning";
        Process p = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(stderr.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void shouldDropOnlyTheIncubatorWarning() throws Exception {
        assertThat(filter("WARNING: Using incubator modules: jdk.incubator.vector\nerror: no such file\n"))
                .isEqualTo("error: no such file\n");
        assertThat(filter("error: first\nWARNING: Using incubator modules: x\n"))
                .isEqualTo("error: first\nWARNING: Using incubator modules: x\n");
        // progress bars redraw with carriage returns and no newline: they pass through as they are
        assertThat(filter("WARNING: Using incubator modules: jdk.incubator.vector\n\rimport [===] 1/2\rimport [====]"))
                .isEqualTo("\rimport [===] 1/2\rimport [====]");
        assertThat(filter("partial")).isEqualTo("partial");
    }

    @Test
    void shouldStillAddTheVectorModuleAndFilterStderr() throws Exception {
        String launcher = Files.readString(LAUNCHER);
        assertThat(launcher).contains("--add-modules jdk.incubator.vector");
        assertThat(launcher).contains("2> >(drop_incubator_warning >&2)");
    }
}
