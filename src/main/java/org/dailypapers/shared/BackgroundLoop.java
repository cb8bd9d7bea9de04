package org.dailypapers.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one background thread of a worker that catches up with the catalog (the search indexers, the summary
 * worker): a named platform thread that works while there is work and otherwise sleeps until woken. Wake-ups
 * coalesce: any number of them while the thread works make one more pass, not one each.
 */
public final class BackgroundLoop {

    /** How long {@link #stop()} waits for a step in progress to finish. */
    private static final Duration STOP_WAIT = Duration.ofMinutes(1);

    private final String name;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile @Nullable Thread thread;

    public BackgroundLoop(String name) {
        this.name = name;
    }

    /** Starts the thread running {@code body}, woken once at once. */
    public synchronized void start(Runnable body) {
        thread = Thread.ofPlatform().name(name).daemon(true).start(body);
        wakeUp();
    }

    /** Whether the thread was started (and not stopped). */
    public boolean started() {
        return thread != null;
    }

    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Sleeps until the next wake-up; those that came while working count once. */
    public void await() throws InterruptedException {
        wakeUps.acquire();
        wakeUps.drainPermits();
    }

    /** As {@link #await()}, but no longer than {@code timeout}. */
    public void await(Duration timeout) throws InterruptedException {
        wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
    }

    /** Interrupts the thread and waits for it to end (a step is not cut short for longer than a minute). */
    public synchronized void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
