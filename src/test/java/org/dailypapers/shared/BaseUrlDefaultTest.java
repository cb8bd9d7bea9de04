package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Without a configured base URL, feed and mail links point at the port actually served, not at 8080. */
class BaseUrlDefaultTest {

    private static DailyPapersProperties bind(Map<String, Object> overrides) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new PropertiesPropertySourceLoader()
                .load("application", new ClassPathResource("application.properties"))
                .forEach(s -> env.getPropertySources().addLast(s));
        env.getPropertySources().addFirst(new MapPropertySource("test", overrides));
        ConfigurationPropertySources.attach(env);
        return Binder.get(env).bindOrCreate("dailypapers", DailyPapersProperties.class);
    }

    @Test
    void shouldDeriveTheDefaultBaseUrlFromTheServedPort() throws IOException {
        assertThat(bind(Map.of("server.port", "9123")).baseUrl()).isEqualTo("http://localhost:9123");
    }

    @Test
    void shouldKeepAConfiguredBaseUrl() throws IOException {
        assertThat(bind(Map.of("server.port", "9123", "dailypapers.base-url", "https://papers.example.org"))
                        .baseUrl())
                .isEqualTo("https://papers.example.org");
    }
}
