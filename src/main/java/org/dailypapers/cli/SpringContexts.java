package org.dailypapers.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context for a command: with the web server for {@code serve}, without it otherwise. */
final class SpringContexts {

    private static List<String> springArgs = List.of();
    private static Class<?> application = Object.class;

    private SpringContexts() {}

    static void configure(Class<?> applicationClass, List<String> args) {
        application = applicationClass;
        springArgs = List.copyOf(args);
    }

    static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties) {
        List<String> args = new ArrayList<>(springArgs);
        // As command-line arguments these outrank application.properties and the environment, as a command's own
        // options must (bench runs in its own temporary home even when DAILYPAPERS_HOME is set).
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(application)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    static ConfigurableApplicationContext startOffline() {
        return start(false, Map.of("spring.main.lazy-initialization", "false"));
    }
}
