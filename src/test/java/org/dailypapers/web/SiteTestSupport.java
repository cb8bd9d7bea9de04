package org.dailypapers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dailypapers.ingest.DemoData;
import org.dailypapers.ingest.ImportListener;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running site with the bundled demo set (3,857 papers on 251 days of 2025), shared by the web and feed tests:
 * every class that extends this gets the same Spring context, so the demo set is imported once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dailypapers.demo=false", "dailypapers.db-url=", "dailypapers.base-url=https://papers.example.org"
        })
public abstract class SiteTestSupport {

    /** The latest day of the demo set, the day the front page shows. */
    public static final String DEMO_LATEST_DAY = "2025-12-31";

    private static final Path HOME;

    static {
        try {
            HOME = Files.createTempDirectory("dailypapers-site-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("dailypapers.home", HOME::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private DemoData demoData;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void loadDemoSetOnce() {
        demoData.loadIfEmpty(ImportListener.NONE);
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, "text/html");
    }

    protected HttpResponse<String> get(String pathAndQuery, String accept) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                            .header("Accept", accept)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
