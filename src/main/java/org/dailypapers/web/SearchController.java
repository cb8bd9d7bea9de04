package org.dailypapers.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.Source;
import org.dailypapers.search.FacetCount;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchSort;
import org.dailypapers.search.SearchUnavailableException;
import org.dailypapers.shared.OverloadedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /search} and {@code /authors/{name}}. Search is optional: an instance without the search module still
 * serves the site and says plainly that search is not available.
 */
@Controller
class SearchController {

    private static final Logger log = LoggerFactory.getLogger(SearchController.class);

    /** Author names end up inside a quoted phrase of the query syntax, so quotes and backslashes must go. */
    private static final Pattern UNQUOTABLE = Pattern.compile("[\"\\\\]");

    private final PaperCatalog catalog;
    private final ObjectProvider<SearchService> search;
    private final ReaderVotes votes;

    SearchController(PaperCatalog catalog, ObjectProvider<SearchService> search, ReaderVotes votes) {
        this.catalog = catalog;
        this.search = search;
        this.votes = votes;
    }

    @GetMapping("/search")
    ModelAndView search(jakarta.servlet.http.HttpServletRequest request) {
        SearchForm form;
        try {
            form = SearchForm.parse(request.getParameterMap());
        } catch (SearchForm.InvalidSearchException e) {
            String q = request.getParameter("q");
            SearchForm keepQuery = new SearchForm(
                    q == null ? "" : q.strip(),
                    SearchMode.HYBRID,
                    null,
                    null,
                    List.of(),
                    false,
                    null,
                    SearchSort.RELEVANCE,
                    1);
            return render(view(keepQuery, "Search", true, e.getMessage()), HttpStatus.BAD_REQUEST);
        }
        PageMeta meta = PageMeta.of(form.hasQuery() ? form.q() + " – Search" : "Search", "search");
        if (form.hasQuery()) {
            meta = meta.withFollow("search", form.q());
        }
        // The heading stays put: live search replaces only the results below the form.
        SearchView view = run(form, "Search papers", meta, true);
        return render(view, status(view));
    }

    @GetMapping("/authors/{name}")
    ModelAndView author(@PathVariable String name, jakarta.servlet.http.HttpServletRequest request) {
        String author = name.strip();
        if (author.isEmpty() || author.length() > 200) {
            throw new WebErrors.BadRequest("Give an author's name in the address, such as /authors/Yann%20LeCun.");
        }
        String page = request.getParameter("page");
        SearchForm form = new SearchForm(
                "author:\"" + UNQUOTABLE.matcher(author).replaceAll(" ").strip() + "\"",
                SearchMode.BM25,
                null,
                null,
                List.of(),
                false,
                null,
                SearchSort.DATE,
                DailyController.parsePage(page));
        PageMeta meta = PageMeta.of(author, "")
                .withDescription("Papers by " + author + ".")
                .withFeed(Paths.authorFeed(author), "Papers by " + author)
                .withFollow("author", author);
        SearchView view = run(form, author, meta, false);
        return render(view, status(view));
    }

    private SearchView run(SearchForm form, String heading, PageMeta meta, boolean showForm) {
        SearchService service = search.getIfAvailable();
        if (service == null || !form.hasQuery()) {
            return new SearchView(
                    meta,
                    heading,
                    form,
                    service != null,
                    null,
                    false,
                    List.of(),
                    0,
                    List.of(),
                    null,
                    null,
                    0,
                    showForm);
        }
        SearchResult result;
        try {
            result = service.search(form.toRequest());
        } catch (OverloadedException | SearchUnavailableException e) {
            // Busy, or the backend is down: a 503 page that says so (WebExceptionHandler), not a page of no results.
            throw e;
        } catch (RuntimeException e) {
            // The contract says bad syntax comes back as an error; anything thrown is our fault, not the reader's.
            log.warn("search failed for {}: {}", form.q(), e.toString());
            return view(form, heading, showForm, "The search failed on our side. Please try again in a moment.");
        }
        if (result.error() != null) {
            return new SearchView(
                    meta, heading, form, true, result.error(), false, List.of(), 0, List.of(), null, null, 0, showForm);
        }
        List<ArxivId> ids = result.hits().stream().map(SearchHit::id).toList();
        Map<String, Paper> papers = new java.util.HashMap<>();
        catalog.findAll(ids).forEach(p -> papers.put(p.id().id(), p));
        Map<ArxivId, DailyEntry> entries = catalog.findEntries(ids);
        List<PaperCard> cards = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            Paper p = papers.get(hit.id().id());
            if (p != null) {
                cards.add(Cards.of(p, entries.get(p.id()), hit.titleHighlight(), hit.snippet()));
            }
        }
        int pageCount = (int)
                Math.min(SearchForm.MAX_PAGE, (result.totalHits() + SearchForm.PAGE_SIZE - 1) / SearchForm.PAGE_SIZE);
        Link newer = form.page() > 1 ? new Link("← Previous", pageHref(form, showForm, form.page() - 1), false) : null;
        Link older =
                form.page() < pageCount ? new Link("Next →", pageHref(form, showForm, form.page() + 1), false) : null;
        PageMeta withFeed = meta.hasFeed() ? meta : meta.withFeed(form.feedHref(), "Search: " + form.q());
        return new SearchView(
                withFeed,
                heading,
                form,
                true,
                null,
                true,
                votes.mark(cards),
                result.totalHits(),
                facets(form, result, showForm),
                newer,
                older,
                pageCount,
                showForm);
    }

    private static String pageHref(SearchForm form, boolean searchPage, int page) {
        if (searchPage) {
            return form.hrefWithPage(page);
        }
        return "?page=" + page;
    }

    private SearchView view(SearchForm form, String heading, boolean showForm, String error) {
        return new SearchView(
                PageMeta.of("Search", "search"),
                heading,
                form,
                search.getIfAvailable() != null,
                error,
                false,
                List.of(),
                0,
                List.of(),
                null,
                null,
                0,
                showForm);
    }

    /**
     * Category, source and venue values toggle a filter; years narrow the date range; keywords refine the query.
     */
    private static List<SearchView.FacetGroup> facets(SearchForm form, SearchResult result, boolean links) {
        List<SearchView.FacetGroup> groups = new ArrayList<>();
        List<Map.Entry<String, List<FacetCount>>> ordered =
                new ArrayList<>(result.facets().entrySet());
        ordered.sort(java.util.Comparator.comparingInt((Map.Entry<String, List<FacetCount>> e) -> switch (e.getKey()) {
                    case "category" -> 0;
                    case "year" -> 1;
                    default -> 2;
                })
                .thenComparing(Map.Entry::getKey));
        for (var e : ordered) {
            String name = e.getKey();
            List<SearchView.FacetLink> values = new ArrayList<>();
            for (FacetCount fc : e.getValue()) {
                String href = null;
                boolean current = false;
                if (links && name.equals("category")) {
                    href = form.hrefToggling(fc.value());
                    current = form.categories().contains(fc.value());
                } else if (links && name.equals("year") && fc.value().matches("\\d{4}")) {
                    int year = Integer.parseInt(fc.value());
                    current = form.from() != null
                            && form.from().equals(LocalDate.of(year, 1, 1))
                            && form.to() != null
                            && form.to().equals(LocalDate.of(year, 12, 31));
                    href = current
                            ? form.hrefWithDates(null, null)
                            : form.hrefWithDates(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                } else if (links && name.equals("keyword")) {
                    href = Paths.keywordRefining(form.q(), fc.value());
                }
                String label = fc.value();
                if (name.equals("source")) {
                    Source source = Source.parse(fc.value()).orElse(null);
                    if (source != null) {
                        label = source.label();
                        current = source == form.source();
                        href = links ? form.hrefTogglingSource(source) : null;
                    }
                } else if (links && name.equals("venue")) {
                    current = fc.value().equals(form.venue());
                    href = form.hrefTogglingVenue(fc.value());
                }
                values.add(new SearchView.FacetLink(label, fc.count(), href, current));
            }
            if (!values.isEmpty()) {
                groups.add(new SearchView.FacetGroup(facetTitle(name), values));
            }
        }
        return groups;
    }

    private static String facetTitle(String name) {
        return switch (name) {
            case "category" -> "Categories";
            case "year" -> "Years";
            case "keyword" -> "Keywords";
            case "source" -> "Sources";
            case "venue" -> "Venues";
            default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
        };
    }

    /** 503 when a query could not be asked at all, 400 when the query itself was at fault. */
    private static HttpStatus status(SearchView view) {
        if (!view.available() && view.form().hasQuery()) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return view.error() != null ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
    }

    private static ModelAndView render(SearchView view, HttpStatus status) {
        ModelAndView mav = new ModelAndView("search");
        mav.addObject("view", view);
        mav.setStatus(status);
        return mav;
    }
}
