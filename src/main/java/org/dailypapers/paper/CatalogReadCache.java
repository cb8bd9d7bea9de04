package org.dailypapers.paper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Catalog reads remembered until the catalog changes, for the pages and API answers that are asked for over and over
 * (the latest day, a day's papers, a paper). Made by {@link PaperCatalog#newReadCache}.
 *
 * <p>The catalog empties its caches itself when it writes, and again once the writing transaction commits (a read
 * between the two could remember what is about to change). Writes made by another process on the same database (a
 * CLI import while the server runs, another instance of the site: upvotes and comments change the number too) are
 * noticed through the catalog's change number, looked at no more than once a second, or at once through
 * {@link #checkNow} where a reader must see their own writes. Entries live in a Caffeine cache bounded by weight, so
 * a crawler walking every day pushes out the least used pages rather than everything.
 */
public final class CatalogReadCache {

    private final CatalogChangeWatch changes;
    private final Cache<Object, Weighed> entries;
    private final AtomicLong generation = new AtomicLong();

    private record Weighed(Object value, int weight) {}

    CatalogReadCache(CatalogChangeWatch changes, long maxWeight) {
        this.changes = changes;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((Object key, Weighed w) -> w.weight())
                .build();
    }

    /** The remembered value for the key, or what the loader reads now, weighing 1. */
    public <T> T get(Object key, Supplier<T> loader) {
        return get(key, loader, value -> 1);
    }

    /**
     * The remembered value for the key, or what the loader reads now. Past the cache's weight limit the least
     * recently and least often used entries go.
     *
     * @param key a value with equals and hashCode (a record), unique across what this cache holds
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> loader, ToLongFunction<T> weigh) {
        Object hit = find(key);
        if (hit != null) {
            return (T) hit;
        }
        long mark = mark();
        T value = loader.get();
        remember(key, value, weigh.applyAsLong(value), mark);
        return value;
    }

    /** The remembered value for the key, or null. For callers that decide only after reading whether to keep it. */
    public @Nullable Object find(Object key) {
        changes.poll();
        Weighed hit = entries.getIfPresent(key);
        return hit == null ? null : hit.value();
    }

    /** Where the catalog stands now: take it before reading, and hand it to {@link #remember} with what was read. */
    public long mark() {
        return generation.get();
    }

    /**
     * Remembers a value read since {@code mark}, unless the catalog changed in between: then what was read may
     * already be stale, and it is not kept.
     */
    public synchronized void remember(Object key, Object value, long valueWeight, long mark) {
        if (generation.get() != mark) {
            return;
        }
        entries.put(key, new Weighed(value, (int) Math.clamp(valueWeight, 1, Integer.MAX_VALUE)));
    }

    synchronized void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /**
     * Looks at the catalog's change number now rather than within the second: for a reader who has just written
     * through another instance (an upvote) and must see it. One indexed query.
     */
    public void checkNow() {
        changes.checkNow();
    }
}
