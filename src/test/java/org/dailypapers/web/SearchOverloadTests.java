package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dailypapers.shared.ComputePool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * With every compute thread busy and no room in the queue, searches are refused at once with 503 and Retry-After
 * on the page, the API and feeds, while health and pages that need no search keep answering.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dailypapers.demo=false",
            "dailypapers.db-url=",
            "dailypapers.compute.threads=1",
            "dailypapers.compute.queue=0",
            "dailypapers.web.page-cache-ttl=0"
        })
class SearchOverloadTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("dailypapers-overload-test-");
        registry.add("dailypapers.home", home::toString);
    }

    @Autowired
    ComputePool pool;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerSearchesWith503AtOnceWhileHealthAndPlainPagesAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // The pool's one thread is taken by a search that does not end until the test says so.
        CompletableFuture<Void> blocker = CompletableFuture.runAsync(
                () -> {
                    RequestContextHolder.setRequestAttributes(
                            new ServletRequestAttributes(new MockHttpServletRequest()));
                    try {
                        pool.call(() -> {
                            release.await();
                            return null;
                        });
                    } finally {
                        RequestContextHolder.resetRequestAttributes();
                    }
                },
                r -> Thread.ofVirtual().start(r));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pool.running() == 0) {
            assertThat(System.nanoTime()).as("the blocker runs within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
        try {
            HttpResponse<String> page = get("/search?q=graph%20neural%20networks");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("1");
            assertThat(page.body()).contains("The server is busy");

            HttpResponse<String> api = get("/api/search?q=graph&mode=bm25");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("1");
            assertThat(api.body()).contains("\"error\":\"The server is busy");

            assertThat(get("/api/papers/search?q=graph").statusCode()).isEqualTo(503);
            assertThat(get("/feeds/search.atom?q=graph").statusCode()).isEqualTo(503);

            // Nothing of that waited for the blocked search, and neither does this.
            assertThat(blocker).isNotDone();
            HttpResponse<String> health = get("/actuator/health/liveness");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
            assertThat(get("/api/daily_papers").statusCode()).isEqualTo(200);
            assertThat(pool.rejected()).isGreaterThanOrEqualTo(4);
        } finally {
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
        }
        assertThat(get("/api/search?q=graph&mode=bm25").statusCode()).isEqualTo(200);
    }
}
