package org.dailypapers.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dailypapers.api.FeedWindow;
import org.dailypapers.cite.CitationFiles;
import org.dailypapers.cite.CitationFormat;
import org.dailypapers.cite.Citations;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchSort;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every list page as BibTeX or RIS: the page's address with {@code .bib} or {@code .ris} after the path and the same
 * parameters ({@code /daily/2025-02-13.bib?category=cs.CL}, {@code /search.ris?q=diffusion&mode=bm25}), the first
 * {@link Citations#MAX_ENTRIES} papers in the page's order.
 */
@Controller
class ListingExportController {

    private final PaperCatalog catalog;
    private final ObjectProvider<SearchService> search;

    ListingExportController(PaperCatalog catalog, ObjectProvider<SearchService> search) {
        this.catalog = catalog;
        this.search = search;
    }

    /** {@code /daily/latest.bib} follows the front page: the latest day with papers. */
    @GetMapping({"/daily/{date}.bib", "/daily/{date}.ris"})
    ResponseEntity<String> day(
            @PathVariable String date,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            HttpServletRequest request) {
        LocalDate day = date.equals("latest")
                ? catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC))
                : window(() -> FeedWindow.day(date), "a day such as 2025-02-13").from();
        String path = Paths.day(day);
        return daily(
                new DailyQuery(
                        day,
                        day,
                        parseSort(sort, path),
                        category(category),
                        null,
                        null,
                        DailyController.parseSource(source),
                        DailyController.parseVenue(venue)),
                "daily-" + day,
                request);
    }

    @GetMapping({"/week/{week}.bib", "/week/{week}.ris"})
    ResponseEntity<String> week(
            @PathVariable String week,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            HttpServletRequest request) {
        FeedWindow w = window(() -> FeedWindow.week(week), "an ISO week such as 2025-W07");
        return daily(
                new DailyQuery(
                        w.from(),
                        w.to(),
                        parseSort(sort, "/week/"),
                        category(category),
                        null,
                        null,
                        DailyController.parseSource(source),
                        DailyController.parseVenue(venue)),
                "week-" + DailyController.isoWeek(w.from()),
                request);
    }

    @GetMapping({"/month/{month}.bib", "/month/{month}.ris"})
    ResponseEntity<String> month(
            @PathVariable String month,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            HttpServletRequest request) {
        FeedWindow w = window(() -> FeedWindow.month(month), "a month such as 2025-02");
        return daily(
                new DailyQuery(
                        w.from(),
                        w.to(),
                        parseSort(sort, "/month/"),
                        category(category),
                        null,
                        null,
                        DailyController.parseSource(source),
                        DailyController.parseVenue(venue)),
                "month-" + w.from().toString().substring(0, 7),
                request);
    }

    @GetMapping({"/trending.bib", "/trending.ris"})
    ResponseEntity<String> trending(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            HttpServletRequest request) {
        LocalDate latest = catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
        return daily(
                new DailyQuery(
                        latest.minusDays(DailyController.TRENDING_DAYS - 1),
                        latest,
                        DailySort.TRENDING,
                        category(category),
                        null,
                        null,
                        DailyController.parseSource(source),
                        DailyController.parseVenue(venue)),
                "trending",
                request);
    }

    @GetMapping({"/categories/{category}.bib", "/categories/{category}.ris"})
    ResponseEntity<String> category(
            @PathVariable("category") String rawCategory,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletRequest request) {
        String cat = category(rawCategory);
        if (cat == null) {
            throw new WebErrors.BadRequest(
                    "Give an arXiv category such as cs.CL in the address: /categories/cs.CL.bib");
        }
        LocalDate latest = catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
        return daily(
                new DailyQuery(DailyController.BEGINNING, latest, parseSort(sort, Paths.category(cat)), cat, null),
                cat,
                request);
    }

    @GetMapping({"/organizations/{name}.bib", "/organizations/{name}.ris"})
    ResponseEntity<String> organization(
            @PathVariable String name,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            HttpServletRequest request) {
        String org = name.strip();
        LocalDate latest = catalog.latestDay().orElse(LocalDate.now(ZoneOffset.UTC));
        return daily(
                new DailyQuery(
                        DailyController.BEGINNING,
                        latest,
                        parseSort(sort, Paths.organization(org)),
                        category(category),
                        org),
                org,
                request);
    }

    /** Exactly the search page's parameters; the page number is ignored: the file starts at the best hit. */
    @GetMapping({"/search.bib", "/search.ris"})
    ResponseEntity<String> search(HttpServletRequest request) {
        SearchForm form;
        try {
            form = SearchForm.parse(request.getParameterMap());
        } catch (SearchForm.InvalidSearchException e) {
            throw new WebErrors.BadRequest(e.getMessage());
        }
        if (!form.hasQuery()) {
            throw new WebErrors.BadRequest("Give a query with q, as on the search page: /search.bib?q=diffusion");
        }
        return searched(form, "search", request);
    }

    @GetMapping({"/authors/{name}.bib", "/authors/{name}.ris"})
    ResponseEntity<String> author(@PathVariable String name, HttpServletRequest request) {
        String author = name.strip();
        if (author.isEmpty() || author.length() > 200) {
            throw new WebErrors.BadRequest("Give an author's name in the address, such as /authors/Yann%20LeCun.bib");
        }
        SearchForm form = new SearchForm(
                "author:\"" + author.replaceAll("[\"\\\\]", " ").strip() + "\"",
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.DATE,
                1);
        return searched(form, author, request);
    }

    private ResponseEntity<String> daily(DailyQuery query, String name, HttpServletRequest request) {
        List<Paper> papers = catalog.daily(query, 0, Citations.MAX_ENTRIES).items().stream()
                .map(DailyPaper::paper)
                .toList();
        return CitationFiles.of(CitationFiles.formatOf(request), papers, name);
    }

    private ResponseEntity<String> searched(SearchForm form, String name, HttpServletRequest request) {
        SearchService service = search.getIfAvailable();
        if (service == null) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                    .body("Search is not available on this instance, so searches cannot be exported.\n");
        }
        SearchForm first = new SearchForm(
                form.q(),
                form.mode(),
                form.from(),
                form.to(),
                form.categories(),
                form.hasCode(),
                form.organization(),
                form.sort(),
                1,
                form.source(),
                form.venue());
        SearchResult result = service.search(first.toRequest(Citations.MAX_ENTRIES));
        if (result.error() != null) {
            throw new WebErrors.BadRequest("The query cannot be used: " + result.error());
        }
        List<ArxivId> ids = result.hits().stream().map(SearchHit::id).toList();
        Map<ArxivId, Paper> byId = new java.util.HashMap<>();
        catalog.findAll(ids).forEach(p -> byId.put(p.id(), p));
        List<Paper> papers = new ArrayList<>();
        for (ArxivId id : ids) {
            Paper p = byId.get(id.withoutVersion());
            if (p != null) {
                papers.add(p);
            }
        }
        CitationFormat format = CitationFiles.formatOf(request);
        return CitationFiles.of(format, papers, name);
    }

    private static DailySort parseSort(@Nullable String sort, String path) {
        return DailyController.parseSort(sort, path);
    }

    private static @Nullable String category(@Nullable String category) {
        return DailyController.parseCategory(category);
    }

    private static FeedWindow window(java.util.function.Supplier<FeedWindow> parse, String example) {
        try {
            return parse.get();
        } catch (org.dailypapers.api.BadParameterException e) {
            throw new WebErrors.BadRequest(e.getMessage() + "; give " + example + ".");
        }
    }
}
