package org.dailypapers.paper;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

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
        noticeOtherWriters();
        return entries.get(key);
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
        long w = Math.max(1, valueWeight);
        if (weight.addAndGet(w) > maxWeight) {
            entries.clear();
            weight.set(w);
        }
        entries.put(key, value);
    }

    synchronized void clear() {
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
