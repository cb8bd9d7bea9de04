package org.dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();
    private final Set<String> acceptEncodings = ConcurrentHashMap.newKeySet();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/fixed", exchange -> {
            record(exchange);
            byte[] body = "a body of known length".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            record(exchange);
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first chunk, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second chunk".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/missing", exchange -> {
            record(exchange);
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    private void record(com.sun.net.httpserver.HttpExchange exchange) {
        served.incrementAndGet();
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        acceptEncodings.add(encoding == null ? "none" : encoding);
        connections.add(exchange.getRemoteAddress().toString());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void shouldSendExactlyTheRequestedNumberOverKeepAliveConnections() throws Exception {
        HttpLoad.Result result = new HttpLoad(base(), 4, false).run("/fixed", 200, 60_000_000_000L);

        assertThat(result.requests()).isEqualTo(200);
        assertThat(result.errors()).isZero();
        assertThat(served).hasValue(200);
        assertThat(connections).hasSizeLessThanOrEqualTo(4);
        assertThat(result.percentileMillis(50)).isPositive().isLessThanOrEqualTo(result.percentileMillis(99));
        assertThat(acceptEncodings).containsExactly("none");
    }

    @Test
    void shouldReadChunkedBodiesAndAskForGzipWhenTold() throws Exception {
        HttpLoad load = new HttpLoad(base(), 2, true);
        assertThat(new String(load.fetch("/chunked").body(), StandardCharsets.UTF_8))
                .isEqualTo("first chunk, second chunk");

        HttpLoad.Result result = load.run("/chunked", 50, 60_000_000_000L);

        assertThat(result.requests()).isEqualTo(50);
        assertThat(result.errors()).isZero();
        assertThat(acceptEncodings).contains("gzip");
    }

    @Test
    void shouldCountErrorStatuses() throws Exception {
        HttpLoad.Result result = new HttpLoad(base(), 2, false).run("/missing", 20, 60_000_000_000L);

        assertThat(result.requests()).isEqualTo(20);
        assertThat(result.errors()).isEqualTo(20);
    }
}
