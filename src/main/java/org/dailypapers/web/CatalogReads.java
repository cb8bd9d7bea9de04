package org.dailypapers.web;

import java.time.LocalDate;
import java.util.Optional;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogReadCache;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.DailyPage;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.springframework.stereotype.Component;

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
    private final CatalogReadCache cache;

    CatalogReads(PaperCatalog catalog) {
        this.catalog = catalog;
        this.cache = catalog.newReadCache(MAX_PAPERS);
    }

    private record Daily(DailyQuery query, int offset, int limit) {}

    private record Neighbour(String direction, LocalDate day) {}

    private enum Latest {
        DAY
    }

    private record PaperKey(String id) {}

    private record EntryKey(String id) {}

    DailyPage daily(DailyQuery query, int offset, int limit) {
        return cache.get(
                new Daily(query, offset, limit), () -> catalog.daily(query, offset, limit), page -> page.items()
                        .size());
    }

    Optional<LocalDate> latestDay() {
        return cache.get(Latest.DAY, catalog::latestDay);
    }

    Optional<LocalDate> dayBefore(LocalDate day) {
        return cache.get(new Neighbour("before", day), () -> catalog.dayBefore(day));
    }

    Optional<LocalDate> dayAfter(LocalDate day) {
        return cache.get(new Neighbour("after", day), () -> catalog.dayAfter(day));
    }

    Optional<Paper> paper(ArxivId id) {
        return cache.get(new PaperKey(id.id()), () -> catalog.find(id));
    }

    Optional<DailyEntry> entry(ArxivId id) {
        return cache.get(new EntryKey(id.id()), () -> catalog.findEntry(id));
    }
}
