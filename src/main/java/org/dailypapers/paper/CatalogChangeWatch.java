package org.dailypapers.paper;

import java.util.function.LongSupplier;

/**
 * Notices catalog writes made by other processes (another instance, a CLI import) through the catalog's change
 * number, looked at no more than once a second, and then empties every read cache of this instance at once. One
 * watch for all caches: were each cache to look on its own, a page cache that noticed first would store a page
 * rendered from a read cache that had not noticed yet.
 */
final class CatalogChangeWatch {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final LongSupplier changeSeq;
    private final Runnable onChange;
    private volatile long lastCheck = System.nanoTime() - RECHECK_NANOS;
    private volatile long knownChangeSeq = Long.MIN_VALUE;

    CatalogChangeWatch(LongSupplier changeSeq, Runnable onChange) {
        this.changeSeq = changeSeq;
        this.onChange = onChange;
    }

    /** Looks at the change number if the last look is a second old. */
    void poll() {
        if (System.nanoTime() - lastCheck >= RECHECK_NANOS) {
            check();
        }
    }

    /** Looks at the change number now. */
    void checkNow() {
        check();
    }

    private void check() {
        lastCheck = System.nanoTime();
        long seq = changeSeq.getAsLong();
        if (seq != knownChangeSeq) {
            synchronized (this) {
                if (seq != knownChangeSeq) {
                    knownChangeSeq = seq;
                    onChange.run();
                }
            }
        }
    }
}
