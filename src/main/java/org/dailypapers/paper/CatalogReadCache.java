package org.dailypapers.paper;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Catalog reads remembered until the catalog changes, for the pages and API answers that are asked for over and over
 * (the latest day, a day's papers, a paper). Made by {@link PaperCatalog#newReadCache}.
 *
 * <p>The catalog empties its caches itself when it writes, and again once the writing transaction commits (a read
 * between the two could remember what is about to change). Writes made by another process on the same database (a
 * CLI import while the server runs) are noticed through the catalog's change number, looked at no more than once a
 * second.
 */
public final class CatalogReadCache {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final LongSupplier changeSeq;
    private final long maxWeight;
    private final ConcurrentHashMap<Object, Object> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong weight = new AtomicLong();
    private volatile long lastCheck = System.nanoTime() - RECHECK_NANOS;
    private volatile long knownChangeSeq = Long.MIN_VALUE;

    CatalogReadCache(LongSupplier changeSeq, long maxWeight) {
        this.changeSeq = changeSeq;
        this.maxWeight = maxWeight;
    }

    /** The remembered value for the key, or what the loader reads now, weighing 1. */
    public <T> T get(Object key, Supplier<T> loader) {
        return get(key, loader, value -> 1);
    }

    /**
     * The remembered value for the key, or what the loader reads now. The cache empties itself when the weights of
     * what it holds pass its limit: a crawler walking every day causes a clear now and then, nothing worse.
     *
     * @param key a value with equals and hashCode (a record), unique across what this cache holds
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> loader, ToLongFunction<T> weigh) {
        noticeOtherWriters();
        Object hit = entries.get(key);
        if (hit != null) {
            return (T) hit;
        }
        // A value loaded while the catalog changed may already be stale: it is returned but not remembered.
        long before = generation.get();
        T value = loader.get();
        if (generation.get() == before) {
            long w = Math.max(1, weigh.applyAsLong(value));
            if (weight.addAndGet(w) > maxWeight) {
                entries.clear();
                weight.set(w);
            }
            entries.put(key, value);
        }
        return value;
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
        weight.set(0);
    }

    private void noticeOtherWriters() {
        long now = System.nanoTime();
        if (now - lastCheck < RECHECK_NANOS) {
            return;
        }
        lastCheck = now;
        long seq = changeSeq.getAsLong();
        if (seq != knownChangeSeq) {
            knownChangeSeq = seq;
            clear();
        }
    }
}
