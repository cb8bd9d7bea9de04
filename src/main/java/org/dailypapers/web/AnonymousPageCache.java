package org.dailypapers.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.dailypapers.paper.CatalogReadCache;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Remembers the rendered daily, trending, category, search and paper pages and the daily-papers API answers as
 * signed-out readers get them, for a few seconds and never across a catalog change. Most readers are signed out and
 * ask for the same few pages (the latest day above all); rendering fifty cards again for each of them is what limits
 * a small server, as nginx micro-caching in front of other sites shows.
 *
 * <p>Only requests that carry nothing personal are served from here or stored: GET, no session, a reader Spring
 * Security did not recognise (no remember-me cookie, no bearer token), not htmx. Only answers that carry nothing
 * personal are stored: 200, no cookie set, no session opened while rendering. Upvotes and comment counts go through the catalog, whose change
 * empties the cache; what changes without it (trending's time decay, search results and similar papers while the
 * index catches up) is at most {@code ttl} old. A search asked for again (a shared link, a reader paging back) costs
 * nothing; a new one is computed as before.
 */
final class AnonymousPageCache extends OncePerRequestFilter {

    /** Paths whose page depends on nothing but the path, the query string and the catalog. */
    private static final Pattern CACHEABLE =
            Pattern.compile("/|/(daily|week|month|categories)/[^/]+|/trending|/search|/papers/[^/]+"
                    + "|/api/daily_papers|/api/papers/[^/]+");

    /** Paths that match the pattern above but answer per query or per reader. */
    private static final Pattern EXCLUDED = Pattern.compile("/api/papers/search");

    /**
     * Accept headers that ask for another representation of a cached address (a paper page as Markdown, a paper as
     * BibTeX): the key does not hold the Accept header, so these are answered fresh and never stored.
     */
    private static final Pattern ALTERNATIVE_REPRESENTATION =
            Pattern.compile(".*(text/markdown|application/x-bibtex|application/x-research-info-systems).*");

    /** Headers that belong to the page itself; security headers are written again on each answer. */
    private static final List<String> KEPT_HEADERS = List.of(
            "Content-Type",
            "Content-Language",
            "ETag",
            "Cache-Control",
            "Vary",
            "Link",
            "Last-Modified",
            // the API's total (/api/daily_papers): a cached answer without it would read as "no count"
            "X-Total-Count");

    private final CatalogReadCache cache;
    private final long ttlNanos;

    private record Key(String uri, @Nullable String query) {}

    /** Below this, compressing costs more than it saves (Tomcat's own threshold). */
    private static final int MIN_COMPRESSED_SIZE = 2048;

    private static final Pattern COMPRESSIBLE_TYPE =
            Pattern.compile("(text/html|application/json|application/atom\\+xml).*");

    /**
     * A stored answer. Its gzip form is made once, the first time a reader accepts it: compressing a page of fifty
     * cards again for every browser would cost more than rendering it.
     */
    private static final class Page {
        final byte[] body;
        final List<Map.Entry<String, String>> headers;
        final long storedAt;
        final boolean compressible;
        private volatile byte @Nullable [] gzipped;

        Page(byte[] body, List<Map.Entry<String, String>> headers, long storedAt, @Nullable String contentType) {
            this.body = body;
            this.headers = headers;
            this.storedAt = storedAt;
            this.compressible = body.length >= MIN_COMPRESSED_SIZE
                    && contentType != null
                    && COMPRESSIBLE_TYPE.matcher(contentType).matches();
        }

        byte[] gzipped() throws IOException {
            byte[] g = gzipped;
            if (g == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(body);
                }
                g = out.toByteArray();
                gzipped = g;
            }
            return g;
        }
    }

    AnonymousPageCache(CatalogReadCache cache, Duration ttl) {
        this.cache = cache;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ttlNanos <= 0 || !cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(request.getRequestURI(), request.getQueryString());
        long now = System.nanoTime();
        if (cache.find(key) instanceof Page page && now - page.storedAt < ttlNanos) {
            serve(page, request, response);
            return;
        }
        long mark = cache.mark();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        if (capture.getStatus() == HttpServletResponse.SC_OK
                && capture.getHeaders("Set-Cookie").isEmpty()
                && request.getSession(false) == null) {
            byte[] body = capture.getContentAsByteArray();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : KEPT_HEADERS) {
                for (String value : capture.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
            cache.remember(key, new Page(body, List.copyOf(headers), now, capture.getContentType()), body.length, mark);
        }
        capture.copyBodyToResponse();
    }

    private static boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())
                || request.getRequestedSessionId() != null
                || request.getHeader("HX-Request") != null
                || asksForAlternative(request.getHeader("Accept"))
                || signedIn()) {
            return false;
        }
        String path = request.getRequestURI();
        return CACHEABLE.matcher(path).matches() && !EXCLUDED.matcher(path).matches();
    }

    private static boolean asksForAlternative(@Nullable String accept) {
        return accept != null && ALTERNATIVE_REPRESENTATION.matcher(accept).matches();
    }

    /**
     * Whether Spring Security, which runs before this filter, recognised the reader: by a remember-me cookie, a
     * bearer token or otherwise.
     */
    private static boolean signedIn() {
        Authentication reader = SecurityContextHolder.getContext().getAuthentication();
        return reader != null && reader.isAuthenticated() && !(reader instanceof AnonymousAuthenticationToken);
    }

    private static void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzip = page.compressible && acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = null;
        for (Map.Entry<String, String> h : page.headers) {
            String value = h.getValue();
            if (h.getKey().equals("ETag")) {
                // the gzip form is another representation: byte-for-byte equality no longer holds (RFC 9110 8.8.1)
                value = gzip && !value.startsWith("W/") ? "W/" + value : value;
                etag = value;
            }
            response.addHeader(h.getKey(), value);
        }
        if (page.compressible) {
            response.addHeader("Vary", "accept-encoding");
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (etag != null && ifNoneMatch != null && (ifNoneMatch.contains(opaque(etag)) || ifNoneMatch.equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = page.body;
        if (gzip) {
            body = page.gzipped();
            // Tomcat leaves an answer alone once it names its encoding
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The quoted part of an entity tag, which weak comparison (what If-None-Match uses) looks at. */
    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (!parts[0].trim().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        return Double.parseDouble(param.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }
}
