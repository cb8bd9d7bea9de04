package org.dailypapers.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real CLI in a child JVM with the test class path, as a user would run {@code ./dailypapers}. */
final class CliProcess {

    private CliProcess() {}

    static Process start(Path home, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.dailypapers.DailyPapersApplication");
        command.addAll(List.of(args));
        command.add("--dailypapers.home=" + home);
        command.add("--dailypapers.db-url=");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    record Result(int exitCode, String output) {}

    static Result run(Path home, Path output, String... args) throws IOException, InterruptedException {
        Process p = start(home, output, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("CLI did not finish within 5 minutes: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), java.nio.file.Files.readString(output, StandardCharsets.UTF_8));
    }
}
