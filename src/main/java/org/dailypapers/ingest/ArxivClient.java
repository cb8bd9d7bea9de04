package org.dailypapers.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.paper.UpsertOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * arXiv's Atom API for other modules: look up papers by id (for paper submission), search, and refresh the
 * catalog's copies to arXiv's newest versions. Requests go through the shared polite gate (at least
 * {@code dailypapers.arxiv.request-interval} apart), and answers are cached for {@code dailypapers.arxiv.cache-ttl}
 * so that a user retrying a submission does not cost another request. Throws {@link ArxivException} when arXiv
 * cannot be reached or rejects the query; an id arXiv does not know is simply absent from the result.
 */
@Service
public class ArxivClient {

    /** arXiv's advice for one {@code id_list} request; longer URLs are also refused by some proxies. */
    public static final int MAX_IDS_PER_REQUEST = 100;

    /** arXiv answers at most 2,000 results per request. */
    public static final int MAX_RESULTS_PER_REQUEST = 2000;

    /** arXiv names the offending id in its error summary: "incorrect id format for abc". */
    private static final Pattern BAD_ID = Pattern.compile("incorrect id format for (\\S+)");

    private final PoliteHttp http;
    private final String baseUrl;
    private final PaperCatalog catalog;
    private final ExpiringCache<String, Optional<Paper>> cache;

    ArxivClient(ArxivProperties properties, PoliteHttp http, PaperCatalog catalog) {
        this.http = http;
        this.baseUrl = properties.apiBaseUrl();
        this.catalog = catalog;
        this.cache = new ExpiringCache<>(properties.cacheSize(), properties.cacheTtl());
    }

    /** The paper at its newest version (or at the version the id names); empty when arXiv does not know it. */
    public Optional<Paper> fetch(ArxivId id) {
        List<Paper> found = fetchAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * The paper for a user who waits on the answer (a submission): one request with bounded connect and answer
     * timeouts ({@code dailypapers.arxiv.connect-timeout}, {@code answer-timeout}) instead of retries.
     */
    public Optional<Paper> fetchWhileUserWaits(ArxivId id) {
        List<Paper> found = fetchAll(List.of(id), true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * Papers in the order of the given ids, unknown ids left out, in requests of at most
     * {@value #MAX_IDS_PER_REQUEST} ids.
     */
    public List<Paper> fetchAll(Collection<ArxivId> ids) {
        return fetchAll(ids, false);
    }

    private List<Paper> fetchAll(Collection<ArxivId> ids, boolean userWaits) {
        Set<String> wanted = new LinkedHashSet<>();
        for (ArxivId id : ids) {
            wanted.add(id.versioned());
        }
        Map<String, Optional<Paper>> results = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : wanted) {
            Optional<Paper> cached = cache.get(key);
            if (cached != null) {
                results.put(key, cached);
            } else {
                missing.add(key);
            }
        }
        for (int i = 0; i < missing.size(); i += MAX_IDS_PER_REQUEST) {
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + MAX_IDS_PER_REQUEST));
            lookUp(new ArrayList<>(batch), results, userWaits);
        }
        List<Paper> ordered = new ArrayList<>();
        for (String key : wanted) {
            Optional<Paper> p = results.get(key);
            if (p != null && p.isPresent()) {
                ordered.add(p.get());
            }
        }
        return ordered;
    }

    private void lookUp(List<String> batch, Map<String, Optional<Paper>> results, boolean userWaits) {
        while (!batch.isEmpty()) {
            URI uri = URI.create(
                    baseUrl + "?id_list=" + encode(String.join(",", batch)) + "&start=0&max_results=" + batch.size());
            AtomFeedParser.Feed feed;
            try {
                feed = request(uri, userWaits);
            } catch (ArxivException e) {
                // One malformed id fails the whole list; arXiv names it, so the rest can still be looked up.
                String bad = badId(e, batch);
                if (bad == null) {
                    throw e;
                }
                batch.remove(bad);
                results.put(bad, Optional.empty());
                continue;
            }
            Map<String, Paper> byId = new LinkedHashMap<>();
            for (Paper p : feed.papers()) {
                byId.put(p.id().id(), p);
            }
            for (String key : batch) {
                Optional<Paper> p = Optional.ofNullable(
                        byId.get(ArxivId.parse(key).map(ArxivId::id).orElse(key)));
                results.put(key, p);
                cache.put(key, p);
            }
            return;
        }
    }

    private static @Nullable String badId(ArxivException e, List<String> batch) {
        if (e.getMessage() == null || e.code() == null) {
            return null;
        }
        Matcher m = BAD_ID.matcher(e.getMessage());
        if (m.find() && batch.contains(m.group(1))) {
            return m.group(1);
        }
        return null;
    }

    /**
     * One page of an arXiv search in arXiv's query syntax ({@code cat:cs.CL AND ti:transformer}), newest
     * submissions first.
     */
    public ArxivSearchResult search(String query, int start, int maxResults) {
        if (start < 0 || maxResults < 1 || maxResults > MAX_RESULTS_PER_REQUEST) {
            throw new IllegalArgumentException(
                    "start must be >= 0 and maxResults between 1 and " + MAX_RESULTS_PER_REQUEST);
        }
        URI uri = URI.create(baseUrl + "?search_query=" + encode(query) + "&start=" + start + "&max_results="
                + maxResults + "&sortBy=submittedDate&sortOrder=descending");
        AtomFeedParser.Feed feed = request(uri, false);
        return new ArxivSearchResult(feed.totalResults(), feed.startIndex(), feed.papers());
    }

    /** Fetches the papers again and brings the catalog's copies up to arXiv's newest version. */
    public UpsertOutcome refresh(Collection<ArxivId> ids) {
        List<ArxivId> unversioned =
                ids.stream().map(ArxivId::withoutVersion).distinct().toList();
        unversioned.forEach(id -> cache.remove(id.versioned()));
        List<PaperRecord> records =
                fetchAll(unversioned).stream().map(PaperRecord::of).toList();
        return catalog.upsert(records);
    }

    private AtomFeedParser.Feed request(URI uri, boolean userWaits) {
        PoliteHttp.Response response = userWaits ? http.getQuickly(uri) : http.get(uri);
        if (response.status() != 200 && response.status() != 400) {
            throw new ArxivException(uri + ": HTTP " + response.status());
        }
        // arXiv sends a bad query as 400 with an error entry; the parser turns that entry into the exception.
        AtomFeedParser.Feed feed = AtomFeedParser.parse(uri.toString(), response.body());
        if (response.status() == 400) {
            throw new ArxivException(uri + ": HTTP 400 without an error entry");
        }
        return feed;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
