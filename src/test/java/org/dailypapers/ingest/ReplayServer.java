package org.dailypapers.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 (free port) that answers from recorded arXiv responses. The routing function
 * sees each request and picks the reply, so a test can script pages, errors and outages; every request is logged.
 */
public final class ReplayServer implements AutoCloseable {

    public record Request(URI uri, Map<String, String> query) {
        public String param(String name) {
            return query.get(name);
        }
    }

    /** A reply; {@code status} -1 drops the connection without an answer, as a crashed server would. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply ok(byte[] body) {
            return new Reply(200, Map.of("Content-Type", "text/xml; charset=utf-8"), body);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, new byte[0]);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> routes;

    public ReplayServer(Function<Request, Reply> routes) throws IOException {
        this.routes = routes;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    void route(Function<Request, Reply> newRoutes) {
        this.routes = newRoutes;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** New routes and an empty request log, for the next test. */
    public void reset(Function<Request, Reply> newRoutes) {
        this.routes = newRoutes;
        requests.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestURI(), query(exchange.getRequestURI()));
            requests.add(request);
            Reply reply;
            try {
                reply = routes.apply(request);
            } catch (RuntimeException e) {
                reply = new Reply(500, Map.of(), String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
            if (reply.status() < 0) {
                return; // closed without a response
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
