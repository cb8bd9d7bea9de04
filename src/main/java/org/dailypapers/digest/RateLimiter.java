package org.dailypapers.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window counters against subscription bombing: a client address may only ask so often, and an email
 * address only receives so many confirmation mails. Counters live in memory, so each instance counts on its own; the
 * per-address limit still caps what one victim receives to a small multiple of the instance count.
 */
final class RateLimiter {

    private static final int SWEEP_EVERY = 1_000;

    private final ConcurrentHashMap<String, Deque<Instant>> windows = new ConcurrentHashMap<>();
    private int calls;

    /** Records one event for the key and says whether it is within {@code max} per {@code window}. */
    boolean tryAcquire(String key, int max, Duration window, Instant now) {
        Instant horizon = now.minus(window);
        boolean[] allowed = new boolean[1];
        windows.compute(key, (k, events) -> {
            Deque<Instant> deque = events == null ? new ArrayDeque<>() : events;
            while (!deque.isEmpty() && !deque.peekFirst().isAfter(horizon)) {
                deque.pollFirst();
            }
            if (deque.size() < max) {
                deque.addLast(now);
                allowed[0] = true;
            }
            return deque;
        });
        sweep(now);
        return allowed[0];
    }

    /** Drops keys whose last event is older than a day, so the map does not grow with every address ever seen. */
    private synchronized void sweep(Instant now) {
        if (++calls % SWEEP_EVERY != 0) {
            return;
        }
        Instant horizon = now.minus(Duration.ofDays(1));
        windows.entrySet().removeIf(e -> {
            Instant last = e.getValue().peekLast();
            return last == null || last.isBefore(horizon);
        });
    }
}
