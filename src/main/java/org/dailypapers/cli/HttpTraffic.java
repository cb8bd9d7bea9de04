package org.dailypapers.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code bench http} sends besides fixed pages: real paper titles as distinct queries, each sent once, so
 * that neither the page cache nor the query-vector cache answers them; and a mix of reading traffic over the days,
 * papers and feeds the server has.
 */
final class HttpTraffic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpTraffic() {}

    /** Titles of the corpus (JSON lines, plain or gzip, with a {@code title} field), shuffled with a fixed seed. */
    static List<String> titles(Path corpus, long seed) throws IOException {
        List<String> titles = new ArrayList<>();
        JsonLinesFile.forEach(corpus, record -> {
            String title = JsonLinesFile.text(record, "title");
            if (!title.isEmpty()) {
                titles.add(title);
            }
        });
        Collections.shuffle(titles, new Random(seed));
        return titles;
    }

    /** A query parameter value as a browser sends it. */
    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Hands out each title once over the whole run: every target that sends titles takes the next unused one, so a
     * title timed by one target was never asked by another, and a target uses only as many as it sends.
     */
    static final class Titles {
        private final List<String> titles;
        private final AtomicInteger next = new AtomicInteger();

        Titles(List<String> titles) {
            this.titles = titles;
        }

        int used() {
            return Math.min(titles.size(), next.get());
        }

        /** The next unused title, or null when all were sent. */
        @Nullable
        String next() {
            int i = next.getAndIncrement();
            return i < titles.size() ? titles.get(i) : null;
        }

        HttpLoad.Paths paths(String prefix) {
            return connection -> {
                String title = next();
                return title == null ? null : prefix + param(title);
            };
        }
    }

    /**
     * Shares of reading traffic in percent, like "day=35,paper=20,api=20,feed=10,search=15": day pages, paper pages,
     * {@code /api/daily_papers}, Atom feeds and fresh searches.
     */
    record Mix(Map<String, Integer> shares) {

        static final String DEFAULT = "day=35,paper=20,api=20,feed=10,search=15";
        private static final Set<String> KINDS = Set.of("day", "paper", "api", "feed", "search");

        static Mix parse(String text) {
            Map<String, Integer> shares = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                String[] kv = part.strip().split("=", 2);
                String kind = kv[0].strip().toLowerCase(Locale.ROOT);
                if (!KINDS.contains(kind) || kv.length != 2 || !kv[1].strip().matches("\\d{1,3}")) {
                    throw new IllegalArgumentException("--mix: '" + part.strip()
                            + "' is not KIND=PERCENT with KIND one of day, paper, api, feed, search (e.g. "
                            + DEFAULT + ")");
                }
                shares.put(kind, Integer.parseInt(kv[1].strip()));
            }
            if (shares.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                throw new IllegalArgumentException("--mix: the shares add up to 0");
            }
            return new Mix(shares);
        }

        String describe() {
            StringBuilder sb = new StringBuilder();
            shares.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ")
                    .append(k)
                    .append(' ')
                    .append(v)
                    .append('%'));
            return sb.toString();
        }
    }

    /** The pages of a running server that a mix draws from, found through its own API. */
    record Site(List<String> dayPaths, List<String> paperPaths, List<String> apiPaths, List<String> feedPaths) {

        static Site discover(HttpLoad load) throws IOException {
            Set<String> ids = new LinkedHashSet<>();
            Set<String> days = new LinkedHashSet<>();
            Set<String> categories = new LinkedHashSet<>();
            collect(load, "/api/daily_papers?limit=100", ids, days, categories);
            if (!days.isEmpty()) {
                String month = days.iterator().next().substring(0, 7);
                collect(load, "/api/daily_papers?month=" + month + "&limit=100", ids, days, categories);
            }
            if (ids.isEmpty()) {
                throw new IOException("the server's daily feed is empty: nothing to mix");
            }
            List<String> dayPaths = new ArrayList<>(List.of("/"));
            List<String> apiPaths = new ArrayList<>(List.of("/api/daily_papers"));
            for (String day : days) {
                if (dayPaths.size() > 20) {
                    break;
                }
                if (load.fetch("/daily/" + day).status() == 200) {
                    dayPaths.add("/daily/" + day);
                    apiPaths.add("/api/daily_papers?date=" + day);
                }
            }
            List<String> paperPaths =
                    ids.stream().limit(200).map(id -> "/papers/" + id).toList();
            List<String> feedPaths = new ArrayList<>(List.of("/feeds/daily.atom", "/feeds/trending.atom"));
            categories.stream().limit(5).forEach(c -> feedPaths.add("/feeds/categories/" + c + ".atom"));
            return new Site(dayPaths, paperPaths, apiPaths, feedPaths);
        }

        private static void collect(
                HttpLoad load, String path, Set<String> ids, Set<String> days, Set<String> categories)
                throws IOException {
            HttpLoad.Response r = load.fetch(path);
            if (r.status() != 200) {
                throw new IOException(path + " answered HTTP " + r.status() + "; is this a dailypapers server?");
            }
            for (JsonNode entry : JSON.readTree(r.body())) {
                String id = entry.path("paper").path("id").asString("");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
                String published = entry.path("publishedAt").asString("");
                if (published.length() >= 10) {
                    days.add(published.substring(0, 10));
                }
                String category = entry.path("paper").path("primaryCategory").asString("");
                if (!category.isEmpty()) {
                    categories.add(category);
                }
            }
        }
    }

    /**
     * Mixed reading traffic: each request picks its kind by the shares, then a page of that kind at random (seeded
     * per connection); searches take fresh titles until they run out, then the run ends.
     */
    static HttpLoad.Paths mixed(Mix mix, Site site, Titles titles, int connections) {
        String[] kinds = new String[100];
        int at = 0;
        int total = mix.shares().values().stream().mapToInt(Integer::intValue).sum();
        for (var e : mix.shares().entrySet()) {
            int n = (int) Math.round(e.getValue() * 100.0 / total);
            for (int i = 0; i < n && at < kinds.length; i++) {
                kinds[at++] = e.getKey();
            }
        }
        int filled = at;
        HttpLoad.Paths searches = titles.paths("/search?q=");
        SplittableRandom[] randoms = new SplittableRandom[connections];
        for (int c = 0; c < connections; c++) {
            randoms[c] = new SplittableRandom(1_000 + c);
        }
        return connection -> {
            SplittableRandom random = randoms[connection];
            String kind = kinds[random.nextInt(filled)];
            return switch (kind) {
                case "day" -> pick(site.dayPaths(), random);
                case "paper" -> pick(site.paperPaths(), random);
                case "api" -> pick(site.apiPaths(), random);
                case "feed" -> pick(site.feedPaths(), random);
                default -> searches.next(connection);
            };
        };
    }

    private static @Nullable String pick(List<String> paths, SplittableRandom random) {
        return paths.isEmpty() ? null : paths.get(random.nextInt(paths.size()));
    }
}
