package org.dailypapers.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point of the jar. Arguments of the form {@code --some.property=value} go to Spring (so every command takes
 * configuration overrides such as {@code --dailypapers.arxiv.oai-base-url=...}); everything else goes to picocli.
 */
public final class CliLauncher {

    private CliLauncher() {}

    /** @param application the Spring Boot application class, passed in so the CLI does not depend on it */
    public static int run(Class<?> application, String[] args) {
        List<String> springArgs = new ArrayList<>();
        List<String> cliArgs = new ArrayList<>();
        for (String a : args) {
            if (isSpringProperty(a)) {
                springArgs.add(a);
            } else {
                cliArgs.add(a);
            }
        }
        SpringContexts.configure(application, springArgs);
        CommandLine cli = newCommandLine();
        return cli.execute(cliArgs.toArray(String[]::new));
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 2;
        });
        return cli;
    }

    /** {@code --a.b=c}: a dotted key with a value is a Spring property, never a command option. */
    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--") || !arg.contains("=")) {
            return false;
        }
        String key = arg.substring(2, arg.indexOf('='));
        return key.contains(".");
    }
}
