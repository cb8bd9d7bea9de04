package org.dailypapers.feed;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.Venues;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchSort;
import org.dailypapers.shared.ClientError;
import org.dailypapers.shared.OverloadedException;
import org.dailypapers.web.Paths;
import org.dailypapers.web.SearchForm;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Atom feeds under {@code /feeds}. Bad parameters get a 400 in plain text that names the parameter. */
@RestController
class FeedController {

    /** Enough for a busy day of the feed; readers only look at what is new to them. */
    static final int MAX_ENTRIES = 100;

    static final int TRENDING_DAYS = 7;

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]{2,})?");
    private static final LocalDate BEGINNING = LocalDate.of(1991, 1, 1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final Pattern UNQUOTABLE = Pattern.compile("[\"\\\\]");

    private final PaperCatalog catalog;
    private final ObjectProvider<SearchService> search;
    private final AtomWriter writer;

    FeedController(PaperCatalog catalog, ObjectProvider<SearchService> search, AtomWriter writer) {
        this.catalog = catalog;
        this.search = search;
        this.writer = writer;
    }

    /** Bad input from a feed reader or a person typing a feed address. */
    static final class BadFeedRequest extends RuntimeException {
        BadFeedRequest(String message) {
            super(message);
        }
    }

    /**
     * The most recent day that has papers, as on the front page; {@code source=} and {@code venue=} keep the papers
     * merged with a record of that source or venue, as on the daily pages and {@code /api/daily_papers}.
     */
    @GetMapping("/feeds/daily.atom")
    ResponseEntity<String> daily(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue) {
        Filter f = new Filter(parseCategory(category), parseSource(source), parseVenue(venue));
        LocalDate latest = catalog.latestDay().orElse(null);
        List<AtomWriter.Item> items = latest == null
                ? List.of()
                : items(catalog.daily(f.query(latest, latest, DailySort.UPVOTES), 0, MAX_ENTRIES)
                        .items());
        String title = "Daily Papers" + f.described();
        String subtitle = latest == null
                ? "No papers yet."
                : "Papers submitted to Daily Papers on " + DAY.format(latest) + ", the most recent day with papers.";
        return atom(writer.write(title, subtitle, f.on("/feeds/daily.atom"), f.on("/"), items));
    }

    @GetMapping("/feeds/trending.atom")
    ResponseEntity<String> trending(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue) {
        Filter f = new Filter(parseCategory(category), parseSource(source), parseVenue(venue));
        LocalDate latest = catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
        List<AtomWriter.Item> items =
                items(catalog.daily(f.query(latest.minusDays(TRENDING_DAYS - 1), latest, DailySort.TRENDING), 0, 50)
                        .items());
        return atom(writer.write(
                "Trending papers" + f.described(),
                "The most upvoted papers of the last " + TRENDING_DAYS + " days of the feed, newer ones weighted up.",
                f.on("/feeds/trending.atom"),
                f.on("/trending"),
                items));
    }

    /** The filters of the daily feeds, which their self and page links carry along. */
    private record Filter(@Nullable String category, @Nullable Source source, @Nullable String venue) {

        DailyQuery query(LocalDate from, LocalDate to, DailySort sort) {
            return new DailyQuery(from, to, sort, category, null, null, source, venue);
        }

        String on(String path) {
            StringBuilder q = new StringBuilder();
            if (category != null) {
                q.append("&category=").append(Paths.param(category));
            }
            if (source != null) {
                q.append("&source=").append(source.slug());
            }
            if (venue != null) {
                q.append("&venue=").append(Paths.param(venue));
            }
            return q.isEmpty() ? path : path + "?" + q.substring(1);
        }

        String described() {
            return (category == null ? "" : " in " + category)
                    + (source == null ? "" : " from " + source.label())
                    + (venue == null ? "" : " at " + venue);
        }
    }

    @GetMapping("/feeds/categories/{category}.atom")
    ResponseEntity<String> category(@PathVariable("category") String rawCategory) {
        String cat = parseCategory(rawCategory);
        if (cat == null) {
            throw new BadFeedRequest("Give an arXiv category in the address, such as /feeds/categories/cs.CL.atom");
        }
        LocalDate latest = catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
        List<AtomWriter.Item> items = items(
                catalog.daily(new DailyQuery(BEGINNING, latest, DailySort.PUBLISHED_AT, cat, null), 0, MAX_ENTRIES)
                        .items());
        return atom(writer.write(
                "Daily Papers in " + cat,
                "Papers of the daily feed in the arXiv category " + cat + ", newest first.",
                Paths.categoryFeed(cat),
                Paths.category(cat),
                items));
    }

    @GetMapping("/feeds/organizations/{name}.atom")
    ResponseEntity<String> organization(@PathVariable String name) {
        String org = name.strip();
        if (org.isEmpty()) {
            throw new BadFeedRequest("Give an organisation in the address, such as /feeds/organizations/google.atom");
        }
        LocalDate latest = catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
        List<AtomWriter.Item> items = items(
                catalog.daily(new DailyQuery(BEGINNING, latest, DailySort.PUBLISHED_AT, null, org), 0, MAX_ENTRIES)
                        .items());
        return atom(writer.write(
                "Daily Papers of " + org,
                "Papers submitted to the daily feed for " + org + ", newest first.",
                Paths.organizationFeed(org),
                Paths.organization(org),
                items));
    }

    @GetMapping("/feeds/authors/{name}.atom")
    ResponseEntity<String> author(@PathVariable String name) {
        String author = name.strip();
        if (author.isEmpty() || author.length() > 200) {
            throw new BadFeedRequest("Give an author's name in the address, such as /feeds/authors/Yann%20LeCun.atom");
        }
        SearchForm form = new SearchForm(
                "author:\"" + UNQUOTABLE.matcher(author).replaceAll(" ").strip() + "\"",
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.DATE,
                1);
        return searchFeed(form, "Papers by " + author, Paths.authorFeed(author), Paths.author(author));
    }

    /** Any search, with exactly the search page's parameters. */
    @GetMapping("/feeds/search.atom")
    ResponseEntity<String> search(HttpServletRequest request) {
        SearchForm form;
        try {
            form = SearchForm.parse(request.getParameterMap());
        } catch (SearchForm.InvalidSearchException e) {
            throw new BadFeedRequest(e.getMessage());
        }
        if (!form.hasQuery()) {
            throw new BadFeedRequest("Give a query with q, as on the search page: /feeds/search.atom?q=diffusion");
        }
        String qs = form.queryString();
        return searchFeed(form, "Search: " + form.q(), "/feeds/search.atom?" + qs, "/search?" + qs);
    }

    private ResponseEntity<String> searchFeed(SearchForm form, String title, String self, String page) {
        SearchService service = search.getIfAvailable();
        if (service == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Search is not available on this instance, so search and author feeds cannot be served.\n");
        }
        SearchResult result = service.search(form.toRequest(50));
        if (result.error() != null) {
            throw new BadFeedRequest("The query cannot be used: " + result.error());
        }
        List<ArxivId> ids = result.hits().stream().map(SearchHit::id).toList();
        Map<ArxivId, DailyEntry> entries = catalog.findEntries(ids);
        List<AtomWriter.Item> items = new ArrayList<>();
        for (Paper p : catalog.findAll(ids)) {
            items.add(new AtomWriter.Item(p, entries.get(p.id())));
        }
        return atom(writer.write(
                title,
                result.totalHits() + " papers match; the feed carries the first " + items.size() + ".",
                self,
                page,
                items));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(OverloadedException.class)
    ResponseEntity<String> overloaded(OverloadedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage() + "\n");
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(BadFeedRequest.class)
    ResponseEntity<String> badRequest(BadFeedRequest e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }

    /** Fuzzy and wildcard terms that expand to too many words: the reader's query, so 400 with the reason. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IndexSearcher.TooManyClauses.class)
    ResponseEntity<String> tooExpensive(IndexSearcher.TooManyClauses e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.TEXT_PLAIN)
                .body(ClientError.tooExpensiveQuery().message() + "\n");
    }

    private static List<AtomWriter.Item> items(List<DailyPaper> papers) {
        return papers.stream()
                .map(dp -> new AtomWriter.Item(dp.paper(), dp.entry()))
                .toList();
    }

    private static ResponseEntity<String> atom(String xml) {
        // Readers poll; five minutes of staleness is nothing for a daily feed, and ETags make polls cheap.
        return ResponseEntity.ok()
                .contentType(ATOM)
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(xml);
    }

    private static @Nullable Source parseSource(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Source.parse(value)
                .orElseThrow(() -> new BadFeedRequest(
                        "Invalid parameter 'source': '" + value + "' is not one of " + Source.names()));
    }

    private static @Nullable String parseVenue(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Venues.parse(value)
                .orElseThrow(() ->
                        new BadFeedRequest("Invalid parameter 'venue': '" + value + "' is not " + Venues.EXPECTED));
    }

    private static @Nullable String parseCategory(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String c = value.strip();
        if (!CATEGORY.matcher(c).matches()) {
            throw new BadFeedRequest(
                    "Invalid parameter 'category': '" + value + "' is not an arXiv category such as cs.CL");
        }
        return c;
    }
}
