package org.dailypapers.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Upvote counts stay exact under concurrency; run against each supported database by the subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "dailypapers.demo=false")
abstract class UpvoteConcurrencyContractTests {

    private static final int THREADS = 100;
    private static final AtomicInteger COUNTER = new AtomicInteger(new java.util.Random().nextInt(50_000));

    @Autowired
    Upvotes upvotes;

    @Autowired
    PaperCatalog catalog;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    private ArxivId newPaper(int initialUpvotes) {
        int n = COUNTER.incrementAndGet();
        ArxivId id = ArxivId.of(String.format("28%02d.%05d", 1 + n % 12, n % 100_000));
        catalog.upsert(List.of(PaperRecord.of(new Paper(
                id,
                1,
                "A paper to vote on",
                "Abstract.",
                List.of("Ada Lovelace"),
                List.of("cs.LG"),
                Instant.parse("2025-12-15T10:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                initialUpvotes,
                null))));
        return id;
    }

    private Account newUser() {
        int n = COUNTER.incrementAndGet();
        return accounts.createUser("voter" + n + "@example.org", "correct horse battery", false);
    }

    /** Runs all tasks at once: every thread waits at the gate until all are ready. */
    private static <T> List<T> simultaneously(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long voteRows(ArxivId id) {
        return jdbc.sql("SELECT COUNT(*) FROM upvote WHERE paper_id = ?")
                .param(id.id())
                .query(Long.class)
                .single();
    }

    @Test
    void shouldAddExactlyOneUpvoteWhenOneUserVotesAHundredTimesAtOnce() throws Exception {
        ArxivId paper = newPaper(7);
        Account user = newUser();
        List<Callable<UpvoteState>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> upvotes.upvote(user.id(), paper));
        }

        List<UpvoteState> results = simultaneously(tasks);

        assertThat(results).filteredOn(UpvoteState::changed).hasSize(1);
        assertThat(catalog.find(paper).orElseThrow().upvotes()).isEqualTo(8);
        assertThat(voteRows(paper)).isEqualTo(1);
        assertThat(upvotes.hasUpvoted(user.id(), paper)).isTrue();
    }

    @Test
    void shouldCountEveryUserOnceWhenManyUsersVoteAndUnvoteAtOnce() throws Exception {
        ArxivId paper = newPaper(0);
        List<Account> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(newUser());
        }
        List<Callable<UpvoteState>> votes = new ArrayList<>();
        for (Account u : users) {
            for (int i = 0; i < 5; i++) {
                votes.add(() -> upvotes.upvote(u.id(), paper));
            }
        }
        simultaneously(votes);
        assertThat(catalog.find(paper).orElseThrow().upvotes()).isEqualTo(20);

        List<Callable<UpvoteState>> removals = new ArrayList<>();
        for (Account u : users.subList(0, 10)) {
            for (int i = 0; i < 5; i++) {
                removals.add(() -> upvotes.remove(u.id(), paper));
            }
        }
        List<UpvoteState> results = simultaneously(removals);

        assertThat(results).filteredOn(UpvoteState::changed).hasSize(10);
        assertThat(catalog.find(paper).orElseThrow().upvotes()).isEqualTo(10);
        assertThat(voteRows(paper)).isEqualTo(10);
    }

    @Test
    void shouldRefuseVotesOnUnknownPapers() {
        Account user = newUser();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> upvotes.upvote(user.id(), ArxivId.of("2712.99999")))
                .isInstanceOf(UnknownPaperException.class);
    }
}
