package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The outbox's guarantees on each supported database: one row per (subscription, period), and of several claimers
 * exactly one wins a row.
 */
// The context stops before JUnit deletes the static @TempDir home: its background indexer writes there.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"dailypapers.digest.scheduling=false", "dailypapers.demo=false"})
abstract class OutboxContractTests {

    private static final Duration LEASE = Duration.ofMinutes(10);

    @Autowired
    DigestOutbox outbox;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM digest_outbox").update();
        jdbc.sql("DELETE FROM digest_subscription").update();
    }

    private Subscription subscriber(String email) {
        return subscriptions.savePending(email, Subscription.Preferences.DEFAULT, Instant.now());
    }

    private static DigestRenderer.RenderedMail mail(String subject) {
        return new DigestRenderer.RenderedMail(subject, "text", "<p>html</p>");
    }

    @Test
    void shouldPlanEachSubscriptionAndPeriodOnce() {
        Subscription s = subscriber("once@example.org");
        Instant now = Instant.now();
        assertThat(outbox.enqueue(s.id(), "day:2025-12-31", s.email(), mail("a"), "u", now))
                .isTrue();
        assertThat(outbox.enqueue(s.id(), "day:2025-12-31", s.email(), mail("b"), "u", now))
                .isFalse();
        assertThat(outbox.enqueue(s.id(), "day:2026-01-01", s.email(), mail("c"), "u", now))
                .isTrue();
        assertThat(outbox.exists(s.id(), "day:2025-12-31")).isTrue();
        assertThat(outbox.countsByStatus()).containsEntry("PENDING", 2L);
    }

    @Test
    void shouldLetExactlyOneOfTwoInstancesClaimEachMail() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            Subscription s = subscriber("race" + i + "@example.org");
            outbox.enqueue(s.id(), "day:2025-12-31", s.email(), mail("m" + i), "u", now);
        }
        List<String> won = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> instances = new ArrayList<>();
        for (String owner : List.of("instance-a", "instance-b", "instance-c")) {
            instances.add(() -> {
                for (String id : outbox.dueIds(now, 100)) {
                    outbox.claim(id, owner, now, LEASE).ifPresent(m -> won.add(m.id()));
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (Future<Void> f : pool.invokeAll(instances)) {
                f.get();
            }
        }
        assertThat(won).hasSize(40).doesNotHaveDuplicates();
        assertThat(outbox.dueIds(now, 100)).isEmpty();
        assertThat(outbox.dueIds(now.plus(LEASE), 100))
                .as("claimable again once the lease runs out")
                .hasSize(40);
    }

    @Test
    void shouldRescheduleAndRecordFailures() {
        Subscription s = subscriber("flaky@example.org");
        Instant now = Instant.now();
        outbox.enqueue(s.id(), "week:2025-W01", s.email(), mail("w"), "u", now);
        String id = outbox.dueIds(now, 10).getFirst();
        OutboxMail claimed = outbox.claim(id, "me", now, LEASE).orElseThrow();
        assertThat(claimed.attempts()).isEqualTo(1);
        outbox.markRetry(id, "me", now.plusSeconds(60), "421 try later");
        assertThat(outbox.dueIds(now.plusSeconds(59), 10)).isEmpty();
        assertThat(outbox.claim(id, "me", now.plusSeconds(60), LEASE)
                        .orElseThrow()
                        .attempts())
                .isEqualTo(2);
        outbox.markFailed(id, "me", now.plusSeconds(60), "550 no such user");
        assertThat(outbox.failures()).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("flaky@example.org");
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.error()).isEqualTo("550 no such user");
        });
        assertThat(outbox.dueIds(now.plus(Duration.ofDays(30)), 10)).isEmpty();
    }

    @Test
    void shouldDropOldBodiesButKeepTheRowThatBlocksAResend() {
        Subscription s = subscriber("old@example.org");
        Instant then = Instant.now().minus(Duration.ofDays(40));
        outbox.enqueue(s.id(), "day:2025-01-01", s.email(), mail("old"), "u", then);
        String id = outbox.dueIds(then, 10).getFirst();
        outbox.claim(id, "me", then, LEASE).orElseThrow();
        outbox.markSent(id, "me", then);
        assertThat(outbox.compact(Instant.now().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT html_body FROM digest_outbox")
                        .query(String.class)
                        .single())
                .isEmpty();
        assertThat(outbox.enqueue(s.id(), "day:2025-01-01", s.email(), mail("again"), "u", Instant.now()))
                .isFalse();
    }

    @Test
    void shouldNotSendToSomeoneWhoUnsubscribedMeanwhile() {
        Subscription s = subscriber("leaving@example.org");
        Instant now = Instant.now();
        outbox.enqueue(s.id(), "day:2025-12-31", s.email(), mail("x"), "u", now);
        outbox.cancelUnsent(s.id());
        assertThat(outbox.dueIds(now, 10)).isEmpty();
        assertThat(outbox.countsByStatus()).containsEntry("CANCELLED", 1L);
    }
}
