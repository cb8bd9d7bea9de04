package org.dailypapers.shared;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * The same ShedLock locks as {@code @SchedulerLock} on scheduled methods, for work that is not a scheduled method (a
 * step of the background indexer, loading the demo data): the task runs only where the named lock is free, and the
 * lock is kept alive while it runs.
 */
public final class FleetLocks {

    /** Lock names, one per kind of work, so that the {@code shedlock} table reads as a list of the site's jobs. */
    public static final String ARXIV_HARVEST = "arxiv-harvest";
    /** bioRxiv/medRxiv, the ACL Anthology and OpenReview: their own lock, so a long arXiv harvest does not hold them. */
    public static final String SOURCE_HARVEST = "source-harvest";

    public static final String DIGEST_SEND = "digest-send";
    public static final String DIGEST_RETRY = "digest-retry";
    public static final String WEBHOOK_SEND = "webhook-send";
    public static final String WEBHOOK_RETRY = "webhook-retry";
    public static final String SEARCH_EMBEDDING = "search-embedding";
    /** Keeping a shared (Elasticsearch) index in step with the catalog; an embedded index is each instance's own. */
    public static final String SEARCH_INDEXING = "search-indexing";

    public static final String DEMO_DATA = "demo-data";
    public static final String HOUSEKEEPING = "housekeeping";

    private static final Duration AT_MOST = Duration.ofMinutes(1);

    private final LockingTaskExecutor executor;

    FleetLocks(LockingTaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs the task if no instance holds the lock, and says whether it ran. */
    public boolean runIfFree(String lockName, Runnable task) {
        boolean[] ran = new boolean[1];
        executor.executeWithLock(
                (Runnable) () -> {
                    ran[0] = true;
                    task.run();
                },
                new LockConfiguration(Instant.now(), lockName, AT_MOST, Duration.ZERO));
        return ran[0];
    }
}
