package org.dailypapers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchSort;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search over the API: {@code /api/papers/search} in Hugging Face's shape (what {@code huggingface_hub}'s
 * {@code list_papers} reads), the richer {@code /api/search} with totals, facets and snippets, and similar papers.
 */
@RestController
class SearchApiController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_SIMILAR = 10;
    static final int MAX_SIMILAR = 50;

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]{2,})?");

    private final SearchService search;
    private final PaperCatalog catalog;

    private final org.dailypapers.summary.PaperSummaries summaries;

    SearchApiController(SearchService search, PaperCatalog catalog, org.dailypapers.summary.PaperSummaries summaries) {
        this.summaries = summaries;
        this.search = search;
        this.catalog = catalog;
    }

    @GetMapping("/api/papers/search")
    List<HfJson.DailyPaperJson> papersSearch(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue) {
        String query = required("q", q);
        int size = ApiParameters.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        // Hugging Face's shape shows neither facets nor snippets: the ranking alone, the same as /api/search's.
        SearchResult result = search.rank(new SearchRequest(
                query,
                SearchMode.HYBRID,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.RELEVANCE,
                0,
                size,
                ApiParameters.source(source),
                ApiParameters.venue(venue)));
        failOnSyntax(result);
        return entries(result.hits()).stream().map(Entry::json).toList();
    }

    /** One hit of {@code /api/search}: the paper as in the daily feed, with its score and highlighted text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchItem(
            String id,
            double score,
            @Nullable String titleHighlight,
            @Nullable String snippet,
            HfJson.DailyPaperJson paper) {}

    /** The body of {@code /api/search}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchResponse(
            String q,
            String mode,
            String sort,
            int page,
            int size,
            long total,
            Map<String, List<FacetCount>> facets,
            List<SearchItem> items) {}

    @GetMapping("/api/search")
    SearchResponse search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable List<String> cat,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size,
            @RequestParam(name = "has_code", required = false) @Nullable String hasCode,
            @RequestParam(required = false) @Nullable String organization,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue) {
        SearchMode m = mode == null || mode.isBlank()
                ? SearchMode.HYBRID
                : SearchMode.parse(mode)
                        .orElseThrow(() -> new BadParameterException(
                                "mode",
                                "Invalid parameter 'mode': expected bm25, dense or hybrid, got '" + mode + "'"));
        SearchSort s = sort == null || sort.isBlank()
                ? SearchSort.RELEVANCE
                : SearchSort.parse(sort)
                        .orElseThrow(() -> new BadParameterException(
                                "sort",
                                "Invalid parameter 'sort': expected relevance, date or upvotes, got '" + sort + "'"));
        LocalDate fromDay = date("from", from);
        LocalDate toDay = date("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new BadParameterException("from", "Invalid parameter 'from': " + fromDay + " is after 'to' " + toDay);
        }
        int p = ApiParameters.intInRange("page", page, 0, 0, 10_000);
        int n = ApiParameters.intInRange("size", size, 20, 1, MAX_LIMIT);
        boolean code = bool("has_code", hasCode);
        List<String> categories = categories(cat);
        SearchRequest request = new SearchRequest(
                q == null ? "" : q,
                m,
                fromDay,
                toDay,
                categories,
                code,
                organization == null || organization.isBlank() ? null : organization.trim(),
                s,
                p,
                n,
                ApiParameters.source(source),
                ApiParameters.venue(venue));
        SearchResult result = search.search(request);
        failOnSyntax(result);
        List<SearchItem> items = new ArrayList<>();
        for (Entry e : entries(result.hits())) {
            items.add(new SearchItem(
                    e.hit().id().id(),
                    e.hit().score(),
                    e.hit().titleHighlight(),
                    e.hit().snippet(),
                    e.json()));
        }
        return new SearchResponse(
                request.query(), m.apiName(), s.apiName(), p, n, result.totalHits(), result.facets(), items);
    }

    @GetMapping("/api/papers/{id}/similar")
    List<HfJson.DailyPaperJson> similar(
            @PathVariable String id, @RequestParam(required = false) @Nullable String limit) {
        return similarTo(id, limit);
    }

    @GetMapping("/api/papers/" + ArxivId.OLD_STYLE_PATH + "/similar")
    List<HfJson.DailyPaperJson> oldStyleSimilar(
            @PathVariable String archive,
            @PathVariable String number,
            @RequestParam(required = false) @Nullable String limit) {
        return similarTo(archive + "/" + number, limit);
    }

    private List<HfJson.DailyPaperJson> similarTo(String raw, @Nullable String limit) {
        ArxivId id = ArxivId.parse(raw)
                .orElseThrow(() -> new BadParameterException("id", "Invalid arXiv id: '" + raw + "'"));
        int n = ApiParameters.intInRange("limit", limit, DEFAULT_SIMILAR, 1, MAX_SIMILAR);
        if (catalog.find(id).isEmpty()) {
            throw new PaperNotFoundException(id.id());
        }
        return entries(search.similarTo(id, n)).stream().map(Entry::json).toList();
    }

    private record Entry(SearchHit hit, HfJson.DailyPaperJson json) {}

    /** The hits' papers from the catalog, in hit order; a hit the catalog no longer has is left out. */
    private List<Entry> entries(List<SearchHit> hits) {
        List<ArxivId> ids = hits.stream().map(SearchHit::id).toList();
        Map<ArxivId, DailyEntry> dailyEntries = catalog.findEntries(ids);
        Map<ArxivId, Paper> papers = new java.util.HashMap<>();
        catalog.findAll(ids).forEach(p -> papers.put(p.id(), p));
        Map<ArxivId, org.dailypapers.summary.PaperSummary> shown = summaries.findAll(papers.keySet());
        List<Entry> out = new ArrayList<>();
        for (SearchHit h : hits) {
            Paper p = papers.get(h.id().withoutVersion());
            if (p != null) {
                out.add(new Entry(
                        h,
                        HfJson.DailyPaperJson.of(
                                p,
                                dailyEntries.get(p.id()),
                                shown.getOrDefault(p.id(), org.dailypapers.summary.PaperSummary.NONE))));
            }
        }
        return out;
    }

    private static void failOnSyntax(SearchResult result) {
        if (result.error() != null) {
            throw new BadParameterException("q", result.error());
        }
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, "Missing parameter '" + name + "'");
        }
        return value;
    }

    private static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    name, "Invalid parameter '" + name + "': expected YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static boolean bool(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                throw new BadParameterException(
                        name, "Invalid parameter '" + name + "': expected true or false, got '" + value + "'");
        };
    }

    private static List<String> categories(@Nullable List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            for (String c : v.split(",")) {
                String t = c.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (!CATEGORY.matcher(t).matches()) {
                    throw new BadParameterException(
                            "cat",
                            "Invalid parameter 'cat': expected an arXiv category such as cs.CL, got '" + t + "'");
                }
                out.add(t);
            }
        }
        return out;
    }
}
