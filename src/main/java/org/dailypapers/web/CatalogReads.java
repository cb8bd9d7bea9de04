package org.dailypapers.web;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.dailypapers.paper.DailyPage;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PapersChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog reads behind list pages, remembered until the catalog changes. A day page costs five queries
 * (the day, its size, the days before and after, the latest day); the same few pages are asked for over and over,
 * and SQLite serialises readers on two cores, so the cache is what makes the daily page cheap.
 *
 * <p>Changes made in this process arrive as {@link PapersChanged} and clear the cache at once. Changes made by
 * another process on the same database (a CLI import while the server runs) are noticed through the catalog's
 * change number, looked at no more than once a second.
 */
@Component
class CatalogReads {

    /** Far more than the pages people read; a crawler walking every day only causes a clear now and then. */
    private static final int MAX_ENTRIES = 4_000;

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final PaperCatalog catalog;
    private final ConcurrentHashMap<Object, Object> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile long lastCheck = System.nanoTime() - RECHECK_NANOS;
    private volatile long knownChangeSeq = Long.MIN_VALUE;

    CatalogReads(PaperCatalog catalog) {
        this.catalog = catalog;
    }

    private record Daily(DailyQuery query, int offset, int limit) {}

    private record Neighbour(String direction, LocalDate day) {}

    private enum Latest {
        DAY
    }

    DailyPage daily(DailyQuery query, int offset, int limit) {
        return cached(new Daily(query, offset, limit), () -> catalog.daily(query, offset, limit));
    }

    Optional<LocalDate> latestDay() {
        return cached(Latest.DAY, catalog::latestDay);
    }

    Optional<LocalDate> dayBefore(LocalDate day) {
        return cached(new Neighbour("before", day), () -> catalog.dayBefore(day));
    }

    Optional<LocalDate> dayAfter(LocalDate day) {
        return cached(new Neighbour("after", day), () -> catalog.dayAfter(day));
    }

    @EventListener
    void onPapersChanged(PapersChanged event) {
        clear();
    }

    private void clear() {
        generation.incrementAndGet();
        cache.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Object key, Supplier<T> loader) {
        noticeOtherWriters();
        Object hit = cache.get(key);
        if (hit != null) {
            return (T) hit;
        }
        // A value loaded while the catalog changed may already be stale: it is returned but not remembered.
        long before = generation.get();
        T value = loader.get();
        if (generation.get() == before) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }

    private void noticeOtherWriters() {
        long now = System.nanoTime();
        if (now - lastCheck < RECHECK_NANOS) {
            return;
        }
        lastCheck = now;
        long seq = catalog.lastChangeSeq();
        if (seq != knownChangeSeq) {
            knownChangeSeq = seq;
            clear();
        }
    }
}
