package org.dailypapers.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.Venues;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchSort;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The search page's parameters, read once for the page and for its Atom feed ({@code /feeds/search.atom} takes the
 * same query string): {@code q}, {@code mode} (bm25, dense, hybrid), {@code from} and {@code to} (YYYY-MM-DD),
 * {@code category} (repeatable), {@code code} (only papers with code), {@code org}, {@code sort} (relevance, date,
 * upvotes), {@code page} (from 1), {@code source} (arxiv, biorxiv, medrxiv, acl, openreview) and {@code venue} (a
 * venue key such as naacl).
 */
@NamedInterface("links")
public record SearchForm(
        String q,
        SearchMode mode,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<String> categories,
        boolean hasCode,
        @Nullable String organization,
        SearchSort sort,
        int page,
        @Nullable Source source,
        @Nullable String venue) {

    public static final int PAGE_SIZE = 20;

    /** Deep pages of a relevance ranking are noise; they also cost the index the most. */
    public static final int MAX_PAGE = 50;

    public static final int MAX_QUERY_CHARS = 500;

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]{2,})?");

    public SearchForm {
        categories = List.copyOf(categories);
    }

    /** A search of every source and venue. */
    public SearchForm(
            String q,
            SearchMode mode,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            List<String> categories,
            boolean hasCode,
            @Nullable String organization,
            SearchSort sort,
            int page) {
        this(q, mode, from, to, categories, hasCode, organization, sort, page, null, null);
    }

    public static SearchForm empty() {
        return new SearchForm("", SearchMode.HYBRID, null, null, List.of(), false, null, SearchSort.RELEVANCE, 1);
    }

    /** A parameter the search cannot use, with a message for the reader that names it. */
    @NamedInterface("links")
    public static final class InvalidSearchException extends RuntimeException {
        private final String parameter;

        InvalidSearchException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** Reads the parameters of a request; throws {@link InvalidSearchException} naming the first bad one. */
    public static SearchForm parse(Map<String, String[]> params) {
        String q = first(params, "q");
        q = q == null ? "" : q.strip();
        if (q.length() > MAX_QUERY_CHARS) {
            throw new InvalidSearchException(
                    "q", "The query is " + q.length() + " characters long; keep it under " + MAX_QUERY_CHARS + ".");
        }
        String modeText = first(params, "mode");
        SearchMode mode = modeText == null || modeText.isBlank()
                ? SearchMode.HYBRID
                : SearchMode.parse(modeText)
                        .orElseThrow(() -> new InvalidSearchException(
                                "mode", "The mode '" + modeText + "' is unknown; use bm25, dense or hybrid."));
        String sortText = first(params, "sort");
        SearchSort sort = sortText == null || sortText.isBlank()
                ? SearchSort.RELEVANCE
                : SearchSort.parse(sortText)
                        .orElseThrow(() -> new InvalidSearchException(
                                "sort", "The order '" + sortText + "' is unknown; use relevance, date or upvotes."));
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidSearchException("to", "The date range ends (" + to + ") before it starts (" + from + ").");
        }
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        String[] cats = params.getOrDefault("category", new String[0]);
        for (String c : cats) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (!CATEGORY.matcher(c.strip()).matches()) {
                throw new InvalidSearchException(
                        "category",
                        "'" + c + "' is not an arXiv category; use one such as cs.CL or an archive such as cs.");
            }
            categories.add(c.strip());
        }
        String code = first(params, "code");
        boolean hasCode = code != null && (code.equals("1") || code.equalsIgnoreCase("true") || code.equals("on"));
        String org = first(params, "org");
        org = org == null || org.isBlank() ? null : org.strip();
        String pageText = first(params, "page");
        int page = 1;
        if (pageText != null && !pageText.isBlank()) {
            try {
                page = Integer.parseInt(pageText.strip());
            } catch (NumberFormatException e) {
                page = -1;
            }
            if (page < 1 || page > MAX_PAGE) {
                throw new InvalidSearchException(
                        "page", "The page '" + pageText + "' does not work; pages run from 1 to " + MAX_PAGE + ".");
            }
        }
        String sourceText = first(params, "source");
        Source source = sourceText == null || sourceText.isBlank()
                ? null
                : Source.parse(sourceText)
                        .orElseThrow(() -> new InvalidSearchException(
                                "source",
                                "The source '" + sourceText + "' is unknown; use one of "
                                        + Source.names().replace("|", ", ") + "."));
        String venueText = first(params, "venue");
        String venue = venueText == null || venueText.isBlank()
                ? null
                : Venues.parse(venueText)
                        .orElseThrow(() -> new InvalidSearchException(
                                "venue", "The venue '" + venueText + "' does not work; give " + Venues.EXPECTED + "."));
        return new SearchForm(q, mode, from, to, new ArrayList<>(categories), hasCode, org, sort, page, source, venue);
    }

    public boolean hasQuery() {
        return !q.isBlank();
    }

    public SearchRequest toRequest(int size) {
        return new SearchRequest(
                q, mode, from, to, categories, hasCode, organization, sort, page - 1, size, source, venue);
    }

    public SearchRequest toRequest() {
        return toRequest(PAGE_SIZE);
    }

    /** The query string of this search without the page: the feed's and the links' common part. */
    public String queryString() {
        return queryString(mode, categories, from, to, 1);
    }

    public String href() {
        return "/search" + qs(queryString(mode, categories, from, to, page));
    }

    public String hrefWithPage(int newPage) {
        return "/search" + qs(queryString(mode, categories, from, to, newPage));
    }

    public String hrefWithMode(SearchMode newMode) {
        return "/search" + qs(queryString(newMode, categories, from, to, 1));
    }

    /** Adds the category, or takes it away when it is already a filter: facet links toggle. */
    public String hrefToggling(String category) {
        List<String> next = new ArrayList<>(categories);
        if (!next.remove(category)) {
            next.add(category);
        }
        return "/search" + qs(queryString(mode, next, from, to, 1));
    }

    public String hrefWithDates(@Nullable LocalDate newFrom, @Nullable LocalDate newTo) {
        return "/search" + qs(queryString(mode, categories, newFrom, newTo, 1));
    }

    /** This search at one source, or at every source when it is that one already: facet links toggle. */
    public String hrefTogglingSource(Source other) {
        return "/search" + qs(queryString(mode, categories, from, to, 1, other == source ? null : other, venue));
    }

    /** This search at one venue, or at every venue when it is that one already. */
    public String hrefTogglingVenue(String other) {
        return "/search" + qs(queryString(mode, categories, from, to, 1, source, other.equals(venue) ? null : other));
    }

    public String feedHref() {
        return "/feeds/search.atom" + qs(queryString());
    }

    private String queryString(SearchMode m, List<String> cats, @Nullable LocalDate f, @Nullable LocalDate t, int p) {
        return queryString(m, cats, f, t, p, source, venue);
    }

    private String queryString(
            SearchMode m,
            List<String> cats,
            @Nullable LocalDate f,
            @Nullable LocalDate t,
            int p,
            @Nullable Source s,
            @Nullable String v) {
        StringBuilder sb = new StringBuilder();
        add(sb, "q", q);
        if (m != SearchMode.HYBRID) {
            add(sb, "mode", m.apiName());
        }
        if (f != null) {
            add(sb, "from", f.toString());
        }
        if (t != null) {
            add(sb, "to", t.toString());
        }
        for (String c : cats) {
            add(sb, "category", c);
        }
        if (hasCode) {
            add(sb, "code", "1");
        }
        if (organization != null) {
            add(sb, "org", organization);
        }
        if (sort != SearchSort.RELEVANCE) {
            add(sb, "sort", sort.apiName());
        }
        if (s != null) {
            add(sb, "source", s.slug());
        }
        if (v != null) {
            add(sb, "venue", v);
        }
        if (p > 1) {
            add(sb, "page", Integer.toString(p));
        }
        return sb.toString();
    }

    private static String qs(String query) {
        return query.isEmpty() ? "" : "?" + query;
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (!sb.isEmpty()) {
            sb.append('&');
        }
        sb.append(name).append('=').append(Paths.param(value));
    }

    private static @Nullable String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static @Nullable LocalDate date(Map<String, String[]> params, String name) {
        String text = first(params, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(
                    name, "'" + text + "' in '" + name + "' is not a date; write it as YYYY-MM-DD, e.g. 2025-02-13.");
        }
    }
}
