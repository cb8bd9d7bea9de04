package org.dailypapers.community;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dailypapers.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves recorded arXiv API responses ({@code shared/data/arxiv-api-atom}) on 127.0.0.1 the way arXiv answers
 * {@code /api/query?id_list=ID}: the golden single-id recordings as they are (with their HTTP status), and entries of
 * the recorded 2025-12 cs listing pages wrapped in the feed header of a recorded id_list answer. Unknown ids get
 * the recorded answer for an id arXiv does not have (an empty feed).
 */
final class ArxivFixtureServer implements AutoCloseable {

    private static final Pattern ENTRY = Pattern.compile("<entry>.*?</entry>", Pattern.DOTALL);
    private static final Pattern ENTRY_ID = Pattern.compile("<id>https?://arxiv\\.org/abs/([^<]+?)(v\\d+)?</id>");

    private record Recorded(int status, String body) {}

    private final HttpServer server;
    private final Map<String, Recorded> byId = new HashMap<>();
    private final Map<String, String> listingEntries = new HashMap<>();
    private final String emptyFeed;
    private final String feedHead;
    /** Arrival times (System.nanoTime) of the requests, for checking arXiv's request spacing. */
    final List<Long> requestNanos = new CopyOnWriteArrayList<>();

    final List<String> requestedIds = new CopyOnWriteArrayList<>();

    ArxivFixtureServer() {
        Path root = TestData.file("arxiv-api-atom");
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(root.resolve("arxiv-py-golden-2026/fixtures"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("id_"))
                    .toList()) {
                JsonNode node = json.readTree(Files.readString(f));
                String url = node.get("url").asString();
                Matcher m = Pattern.compile("id_list=([^&]*)").matcher(url);
                if (m.find()) {
                    String ids = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                    byId.put(
                            ids,
                            new Recorded(
                                    node.get("status_code").asInt(),
                                    node.get("body").asString()));
                }
            }
            try (Stream<Path> pages = Files.list(root.resolve("cs-query-paginated-2025-12"))) {
                for (Path p : pages.filter(x -> x.toString().endsWith(".xml")).toList()) {
                    Matcher e = ENTRY.matcher(Files.readString(p));
                    while (e.find()) {
                        Matcher id = ENTRY_ID.matcher(e.group());
                        if (id.find()) {
                            listingEntries.put(id.group(1), e.group());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emptyFeed = byId.get("0000.0000").body();
        feedHead = emptyFeed.substring(0, emptyFeed.indexOf("</feed>"));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/query", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query";
    }

    /** Ids of the recorded listing pages, for submissions of fresh papers. */
    List<String> listingIds() {
        return new ArrayList<>(listingEntries.keySet()).stream().sorted().toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requestNanos.add(System.nanoTime());
        String query = exchange.getRequestURI().getRawQuery();
        Matcher m = Pattern.compile("(?:^|&)id_list=([^&]*)").matcher(query == null ? "" : query);
        String id = m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "";
        requestedIds.add(id);
        Recorded answer = byId.get(id);
        if (answer == null) {
            String entry = listingEntries.get(id.replaceFirst("v\\d+$", ""));
            answer = new Recorded(200, entry == null ? emptyFeed : feedHead + entry + "\n</feed>\n");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
