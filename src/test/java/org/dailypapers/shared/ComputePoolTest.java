package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ComputePoolTest {

    /** Runs {@code task} as a web request's thread would: with request attributes bound. */
    static <T> CompletableFuture<T> asRequest(ComputePool pool, java.util.concurrent.Callable<T> task) {
        return CompletableFuture.supplyAsync(
                () -> {
                    RequestContextHolder.setRequestAttributes(
                            new ServletRequestAttributes(new MockHttpServletRequest()));
                    try {
                        return pool.call(task);
                    } finally {
                        RequestContextHolder.resetRequestAttributes();
                    }
                },
                r -> Thread.ofVirtual().start(r));
    }

    static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void shouldRefuseAtOnceWhenEveryThreadAndQueueSlotIsTaken() throws Exception {
        try (ComputePool pool = new ComputePool(1, 1, Duration.ofSeconds(30))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> running = asRequest(pool, () -> {
                release.await();
                return "first";
            });
            awaitCondition(() -> pool.running() == 1);
            CompletableFuture<String> queued = asRequest(pool, () -> "second");
            awaitCondition(() -> pool.queued() == 1);

            CompletableFuture<String> refused = asRequest(pool, () -> "third");
            assertThatThrownBy(refused::join)
                    .hasCauseInstanceOf(OverloadedException.class)
                    .cause()
                    .hasMessageContaining("busy");
            // Refused while the first still holds the only thread: it did not wait for it.
            assertThat(running).isNotDone();
            assertThat(pool.rejected()).isEqualTo(1);

            release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo("second");
        }
    }

    @Test
    void shouldRefuseATaskThatWaitedLongerThanTheLongestWait() throws Exception {
        Duration maxWait = Duration.ofMillis(50);
        try (ComputePool pool = new ComputePool(1, 4, maxWait)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> running = asRequest(pool, () -> {
                release.await();
                return "first";
            });
            awaitCondition(() -> pool.running() == 1);
            long submitted = System.nanoTime();
            CompletableFuture<String> late = asRequest(pool, () -> "never");
            awaitCondition(() -> pool.queued() == 1 && System.nanoTime() - submitted > maxWait.toNanos() * 2);
            release.countDown();
            assertThatThrownBy(late::join).hasCauseInstanceOf(OverloadedException.class);
            assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        }
    }

    @Test
    void shouldRunWorkThatNoReaderWaitsForInPlaceEvenWhenSaturated() throws Exception {
        try (ComputePool pool = new ComputePool(1, 0, Duration.ofSeconds(30))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> running = asRequest(pool, () -> {
                release.await();
                return "request";
            });
            awaitCondition(() -> pool.running() == 1);
            // A digest or the command line: no request attributes on this thread.
            assertThat(pool.call(() -> Thread.currentThread().getName()))
                    .isEqualTo(Thread.currentThread().getName());
            release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("request");
        }
    }

    @Test
    void shouldPassTheTasksOwnExceptionThrough() {
        try (ComputePool pool = new ComputePool(1, 1, Duration.ofSeconds(30))) {
            CompletableFuture<String> failing = asRequest(pool, () -> {
                throw new IllegalArgumentException("bad input");
            });
            assertThatThrownBy(failing::join)
                    .hasCauseInstanceOf(IllegalArgumentException.class)
                    .cause()
                    .hasMessage("bad input");
        }
    }
}
