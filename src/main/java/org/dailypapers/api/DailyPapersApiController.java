package org.dailypapers.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.dailypapers.community.Authorship;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogReadCache;
import org.dailypapers.paper.DailyPage;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.PaperCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/daily_papers}, as Hugging Face serves it. */
@RestController
class DailyPapersApiController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /** Before arXiv: a window from here covers the whole feed. */
    private static final LocalDate BEGINNING = LocalDate.of(1991, 1, 1);

    /** Answers held (each up to MAX_LIMIT papers): a few days and pages are what clients poll. */
    private static final long MAX_CACHED_PAPERS = 20_000;

    private final PaperCatalog catalog;
    /** Clients poll the same few answers; mapping them once per catalog change is most of the cost saved. */
    private final CatalogReadCache answers;

    /** Confirmed authorship claims live in the community module; without it the field is left out. */
    private final ObjectProvider<Authorship> authorship;

    private final org.dailypapers.summary.PaperSummaries summaries;

    DailyPapersApiController(
            PaperCatalog catalog,
            ObjectProvider<Authorship> authorship,
            org.dailypapers.summary.PaperSummaries summaries) {
        this.catalog = catalog;
        this.summaries = summaries;
        this.answers = catalog.newReadCache(MAX_CACHED_PAPERS);
        this.authorship = authorship;
    }

    private enum Latest {
        DAY
    }

    /** {@code summaries} is the summaries' version: answers mapped before new keywords arrived are not reused. */
    private record Question(DailyQuery query, int offset, int size, long summaries) {}

    private record Answer(List<HfJson.DailyPaperJson> papers, long total) {}

    @GetMapping("/api/daily_papers")
    ResponseEntity<List<HfJson.DailyPaperJson>> dailyPapers(
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(name = "p", required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "organization", required = false) @Nullable String organization,
            @RequestParam(name = "submitter", required = false) @Nullable String submitter,
            @RequestParam(name = "source", required = false) @Nullable String source,
            @RequestParam(name = "venue", required = false) @Nullable String venue) {
        LocalDate latest = answers.get(Latest.DAY, catalog::latestDay).orElse(LocalDate.now(ZoneOffset.UTC));
        String by = blankToNull(submitter);
        // A submitter's papers without a date are all of theirs, newest first: the latest day alone would mostly be
        // empty, and Hugging Face's list_daily_papers(submitter=...) is asked that way.
        FeedWindow window = by != null && date == null && week == null && month == null
                ? new FeedWindow(BEGINNING, latest)
                : FeedWindow.parse(date, week, month, latest);
        int p = ApiParameters.nonNegativeInt("p", page, 0);
        int size = ApiParameters.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        DailySort order = sort == null || sort.isBlank()
                ? DailySort.PUBLISHED_AT
                : DailySort.fromApiName(sort)
                        .orElseThrow(() -> new BadParameterException(
                                "sort",
                                "Invalid parameter 'sort': expected publishedAt or trending, got '" + sort + "'"));
        DailyQuery query = new DailyQuery(
                window.from(),
                window.to(),
                order,
                ApiParameters.category(category),
                blankToNull(organization),
                by,
                ApiParameters.source(source),
                ApiParameters.venue(venue));
        int offset = (int) Math.min(Integer.MAX_VALUE, (long) p * size);
        Answer answer = answers.get(
                new Question(query, offset, size, summaries.version()),
                () -> {
                    DailyPage result = catalog.daily(query, offset, size);
                    var shown = summaries.findAll(
                            result.items().stream().map(dp -> dp.paper().id()).toList());
                    return new Answer(
                            result.items().stream()
                                    .map(dp -> HfJson.DailyPaperJson.of(
                                            dp,
                                            shown.getOrDefault(
                                                    dp.paper().id(), org.dailypapers.summary.PaperSummary.NONE)))
                                    .toList(),
                            result.total());
                },
                a -> a.papers().size());
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(answer.total()))
                .body(withAuthorParticipation(answer.papers()));
    }

    /** Claims are confirmed without a catalog change, so this is looked up per answer, outside the cache. */
    private List<HfJson.DailyPaperJson> withAuthorParticipation(List<HfJson.DailyPaperJson> papers) {
        Authorship claims = authorship.getIfAvailable();
        if (claims == null || papers.isEmpty()) {
            return papers;
        }
        Set<ArxivId> participating = claims.withConfirmedAuthors(
                papers.stream().map(p -> new ArxivId(p.paper().id(), 0)).toList());
        return papers.stream()
                .map(p -> p.withAuthorParticipating(
                        participating.contains(new ArxivId(p.paper().id(), 0))))
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
