package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperCatalog;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AnonymousPageCacheTests extends SiteTestSupport {

    private static final String PAPER = "2512.22525";
    private static final Pattern UPVOTES = Pattern.compile("\"upvotes\":(\\d+)");

    @Autowired
    private PaperCatalog catalog;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private AccountService accounts;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeSignedOutReadersTheStoredAnswerUntilTheCatalogChanges() throws Exception {
        String path = "/api/papers/" + PAPER;
        int before = upvotes(send(path, null));
        // behind the catalog's back: only a fresh rendering can see this
        changeUpvotesBehindTheCatalog(1000);
        try {
            assertThat(upvotes(send(path, null)))
                    .as("a signed-out reader gets the stored answer")
                    .isEqualTo(before);
            assertThat(upvotes(send(path, "JSESSIONID=someone")))
                    .as("a reader with a session gets a fresh answer")
                    .isEqualTo(before + 1000);
            assertThat(upvotes(http.send(
                            HttpRequest.newBuilder(URI.create(base() + path))
                                    .header("Authorization", "Bearer " + token())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())))
                    .as("a reader signed in with a token gets a fresh answer")
                    .isEqualTo(before + 1000);

            catalog.addUpvotes(ArxivId.parse(PAPER).orElseThrow(), 1);
            assertThat(upvotes(send(path, null)))
                    .as("a catalog write drops stored answers")
                    .isEqualTo(before + 1001);
        } finally {
            changeUpvotesBehindTheCatalog(-1000);
            catalog.addUpvotes(ArxivId.parse(PAPER).orElseThrow(), -1);
        }
        assertThat(upvotes(send(path, null))).isEqualTo(before);
    }

    @Test
    void shouldKeepSecurityHeadersAndEtagsOnStoredPages() throws Exception {
        String path = "/daily/" + DEMO_LATEST_DAY;
        HttpResponse<String> first = send(path, null);
        HttpResponse<String> stored = send(path, null);
        assertThat(stored.body()).isEqualTo(first.body());
        for (String header :
                new String[] {"Content-Security-Policy", "X-Content-Type-Options", "ETag", "Content-Type"}) {
            assertThat(stored.headers().allValues(header))
                    .as(header)
                    .isEqualTo(first.headers().allValues(header));
        }
        assertThat(stored.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        HttpResponse<String> revalidated = http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header(
                                "If-None-Match",
                                first.headers().firstValue("ETag").orElseThrow())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }

    @Test
    void shouldServeStoredPagesGzippedToReadersWhoAcceptIt() throws Exception {
        String path = "/daily/" + DEMO_LATEST_DAY;
        HttpResponse<String> plain = send(path, null);
        for (int i = 0; i < 2; i++) { // rendered and compressed by Tomcat, then from the cache
            HttpResponse<byte[]> zipped = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Accept-Encoding", "br;q=0, gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("ETag").orElseThrow()).startsWith("W/");
            assertThat(zipped.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");
            try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(plain.body());
            }
        }
    }

    @Test
    void shouldReadWhetherAReaderAcceptsGzip() {
        assertThat(AnonymousPageCache.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(AnonymousPageCache.acceptsGzip("deflate;q=1, GZIP;q=0.5")).isTrue();
        assertThat(AnonymousPageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip("br")).isFalse();
        assertThat(AnonymousPageCache.acceptsGzip(null)).isFalse();
    }

    private String token() {
        long user = accounts.findByEmail("cache-reader@example.org")
                .orElseGet(() -> accounts.createUser("cache-reader@example.org", "a long enough password", false))
                .id();
        return accounts.createToken(user, "cache test").token();
    }

    private HttpResponse<String> send(String path, @Nullable String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int upvotes(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher m = UPVOTES.matcher(response.body());
        assertThat(m.find()).as("upvotes in %s", response.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void changeUpvotesBehindTheCatalog(int delta) {
        jdbc.sql("UPDATE paper SET upvotes = upvotes + :delta WHERE id = :id")
                .param("delta", delta)
                .param("id", PAPER)
                .update();
    }
}
