package org.dailypapers.shared;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place where CPU-heavy request work runs (embedding a query, searching, ranking): a fixed pool of platform
 * threads, as many as the cores, with a bounded queue.
 *
 * <p>Why not on the request's own virtual thread: virtual threads are not preempted, and a search is CPU work (and
 * the query embedding a native call that pins its carrier). With as many carriers as cores, a few searches occupy
 * every carrier until they finish, and every other request (health checks, cached pages) waits behind them; a
 * semaphore around search only decides which searches hold the carriers. Platform threads are time-sliced by the
 * operating system, so light requests keep running on the carriers beside the searches, and a request waiting here
 * parks its virtual thread instead of holding a carrier.
 *
 * <p>Overload is answered, not queued without end: a task finds the queue full, or has waited longer than
 * {@code maxWait} before a thread took it, and fails with {@link OverloadedException} (503 with Retry-After).
 */
public final class ComputePool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ComputePool.class);

    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private final ThreadPoolExecutor executor;
    private final long maxWaitNanos;
    private final Duration retryAfter;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();

    /**
     * @param threads platform threads (the cores of the machine, by default)
     * @param queue tasks that may wait for a thread; more are refused at once
     * @param maxWait the longest a task may wait for a thread before it is refused
     */
    public ComputePool(int threads, int queue, Duration maxWait) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("compute pool: threads must be >= 1 and queue >= 0");
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = Thread.ofPlatform()
                            .name("compute-" + n.incrementAndGet())
                            .daemon(true)
                            .unstarted(() -> {
                                INSIDE.set(true);
                                r.run();
                            });
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfter = Duration.ofSeconds(1);
    }

    /**
     * Runs {@code task} for the web request of this thread on the pool and waits for it. Work that no reader waits
     * for (digests, curation, the command line) has a thread of its own and runs in place, never refused; so does
     * work asked for from a pool thread, so nested calls can never wait for each other.
     *
     * @throws OverloadedException when the queue is full or the task waited too long for a thread
     */
    public <T> T call(Callable<T> task) {
        if (INSIDE.get() || RequestContextHolder.getRequestAttributes() == null) {
            return callInPlace(task);
        }
        long queued = System.nanoTime();
        Future<T> future;
        try {
            future = executor.submit(() -> {
                if (System.nanoTime() - queued > maxWaitNanos) {
                    throw new Refused();
                }
                return task.call();
            });
        } catch (RejectedExecutionException e) {
            throw overloaded("the queue is full");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OverloadedException("interrupted while waiting for a compute thread", retryAfter);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Refused) {
                throw overloaded("it waited longer than " + maxWaitNanos / 1_000_000 + " ms");
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static <T> T callInPlace(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private OverloadedException overloaded(String why) {
        long count = rejected.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        // One line per second at most: an overload is exactly when a log line per request would hurt.
        if (now - last > 1_000_000_000L && lastWarning.compareAndSet(last, now)) {
            log.warn("compute pool overloaded ({}); {} requests refused with 503 so far", why, count);
        }
        return new OverloadedException("The server is busy; please try again in a moment.", retryAfter);
    }

    /** Requests refused since start. */
    public long rejected() {
        return rejected.get();
    }

    /** Tasks waiting for a thread now. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Tasks running now. */
    public int running() {
        return executor.getActiveCount();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Marks a task that waited too long; never leaves this class. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }
}
