package org.dailypapers.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.PageContext;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogReadCache;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPage;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.SourceRecords;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The catalog reads behind list and paper pages, remembered until the catalog changes. A day page costs five queries
 * (the day, its size, the days before and after, the latest day); the same few pages are asked for over and over,
 * and SQLite serialises readers on two cores, so the cache is what makes the daily page cheap.
 */
@Component
class CatalogReads {

    /**
     * The cache holds at most this many papers (a few KB each, so some tens of MB): far more than the pages people
     * read.
     */
    private static final long MAX_PAPERS = 20_000;

    private final PaperCatalog catalog;
    private final SourceRecords records;
    private final CatalogReadCache cache;

    CatalogReads(PaperCatalog catalog, SourceRecords records) {
        this.catalog = catalog;
        this.records = records;
        this.cache = catalog.newReadCache(MAX_PAPERS);
    }

    private record Daily(DailyQuery query, int offset, int limit) {}

    private record Neighbour(String direction, LocalDate day) {}

    private enum Latest {
        DAY,
        VENUES
    }

    /** Set on a request once its reader's view of the catalog has been brought up to date. */
    private static final String CHECKED = CatalogReads.class.getName() + ".checked";

    private record PaperKey(String id) {}

    private record EntryKey(String id) {}

    /**
     * The cache, first brought up to date with every instance's writes when the reader is signed in: someone who
     * just upvoted through another instance sees the new count. Signed-out readers see writes within a second.
     */
    private CatalogReadCache fresh() {
        if (PageContext.currentUser() != null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST) == null) {
            request.setAttribute(CHECKED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
            cache.checkNow();
        }
        return cache;
    }

    DailyPage daily(DailyQuery query, int offset, int limit) {
        return fresh().get(
                        new Daily(query, offset, limit), () -> catalog.daily(query, offset, limit), page -> page.items()
                                .size());
    }

    Optional<LocalDate> latestDay() {
        return fresh().get(Latest.DAY, catalog::latestDay);
    }

    /**
     * The venue keys records are known at, the most frequent first: the venue filter's choices on the daily pages.
     * A record merged into a paper touches it, which empties this cache; a venue that only records standing alone
     * are at waits for the next catalog change, and no paper of the feed is at it anyway.
     */
    List<String> venues() {
        return fresh().get(
                        Latest.VENUES,
                        () -> List.copyOf(
                                records.facets().getOrDefault("venue", Map.of()).keySet()));
    }

    Optional<LocalDate> dayBefore(LocalDate day) {
        return fresh().get(new Neighbour("before", day), () -> catalog.dayBefore(day));
    }

    Optional<LocalDate> dayAfter(LocalDate day) {
        return fresh().get(new Neighbour("after", day), () -> catalog.dayAfter(day));
    }

    Optional<Paper> paper(ArxivId id) {
        return fresh().get(new PaperKey(id.id()), () -> catalog.find(id));
    }

    Optional<DailyEntry> entry(ArxivId id) {
        return fresh().get(new EntryKey(id.id()), () -> catalog.findEntry(id));
    }
}
