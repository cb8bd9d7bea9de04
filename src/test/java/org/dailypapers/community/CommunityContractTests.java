package org.dailypapers.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the community stores promise, run against each supported database by the subclasses: upvote counts exact
 * under concurrency, and every kind of write (comments, submissions, claims, organisations, collections) in the
 * portable SQL of both databases.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"dailypapers.demo=false", "dailypapers.arxiv.request-interval=0s"})
@Import(CommunityContractTests.FixedClock.class)
abstract class CommunityContractTests {

    static final Instant NOW = Instant.parse("2025-12-16T14:00:00Z");
    private static ArxivFixtureServer arxiv;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void arxivApi(DynamicPropertyRegistry registry) {
        arxiv = new ArxivFixtureServer();
        registry.add("dailypapers.arxiv.api-base-url", arxiv::baseUrl);
    }

    @AfterAll
    static void stopArxiv() {
        arxiv.close();
    }

    @Autowired
    Comments comments;

    @Autowired
    Submissions submissions;

    @Autowired
    Authorship authorship;

    @Autowired
    Organizations organizations;

    @Autowired
    Collections collections;

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

    @Autowired
    CommunityInterests interests;

    @Test
    void shouldTellTheDigestWhatASubscriberUpvotedAndCollected() {
        Account user = newUser();
        ArxivId upvoted = newPaper(0);
        ArxivId collected = newPaper(0);
        ArxivId both = newPaper(0);
        upvotes.upvote(user.id(), upvoted);
        upvotes.upvote(user.id(), both);
        PaperCollection mine = collections.create(user.principal(), "Reading list", "", false);
        collections.add(user.principal(), mine.id(), collected);
        collections.add(user.principal(), mine.id(), both);

        var liked = interests.likedPapers(user.email());

        assertThat(liked)
                .extracting(l -> l.id(), l -> l.how())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(upvoted, org.dailypapers.follow.LikedPaper.How.UPVOTED),
                        org.assertj.core.groups.Tuple.tuple(both, org.dailypapers.follow.LikedPaper.How.UPVOTED),
                        org.assertj.core.groups.Tuple.tuple(
                                collected, org.dailypapers.follow.LikedPaper.How.COLLECTED));
        assertThat(interests.likedPapers("nobody@example.org")).isEmpty();
    }

    @Test
    void shouldRefuseVotesOnUnknownPapers() {
        Account user = newUser();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> upvotes.upvote(user.id(), ArxivId.of("2712.99999")))
                .isInstanceOf(UnknownPaperException.class);
    }

    @Test
    void shouldKeepCommentsAndTheirCountInStep() {
        ArxivId paper = newPaper(0);
        catalog.upsert(List.of(new PaperRecord(
                catalog.find(paper).orElseThrow(),
                new org.dailypapers.paper.DailyEntry(paper, LocalDate.of(2025, 12, 15), NOW, null, 4, null))));
        AccountPrincipal author = newUser().principal();
        AccountPrincipal admin = accounts.createUser(
                        "admin" + COUNTER.incrementAndGet() + "@example.org", "correct horse battery", true)
                .principal();

        Comment top = comments.post(author, paper, null, "Top *level*");
        Comment reply = comments.post(author, paper, top.id(), "A reply");
        Comment replyToReply = comments.post(author, paper, reply.id(), "Flattened");
        comments.edit(author, top.id(), "Top level, edited");
        comments.setHidden(admin, reply.id(), true);
        comments.setHidden(admin, reply.id(), true);

        List<Comment> publicThread = comments.thread(paper, false);
        assertThat(replyToReply.parentId()).isEqualTo(top.id());
        assertThat(publicThread).hasSize(1);
        assertThat(publicThread.getFirst().html()).isEqualTo("<p>Top level, edited</p>\n");
        assertThat(publicThread.getFirst().editedAt()).isNotNull();
        assertThat(publicThread.getFirst().replies())
                .extracting(Comment::markdown)
                .containsExactly("Flattened");
        assertThat(comments.thread(paper, true).getFirst().replies()).hasSize(2);
        assertThat(catalog.findEntry(paper).orElseThrow().numComments()).isEqualTo(4 + 2);

        comments.delete(author, top.id());
        comments.delete(author, top.id());
        List<Comment> afterDelete = comments.thread(paper, false);
        assertThat(afterDelete.getFirst().deleted()).isTrue();
        assertThat(afterDelete.getFirst().markdown()).isEmpty();
        assertThat(catalog.findEntry(paper).orElseThrow().numComments()).isEqualTo(4 + 1);
    }

    @Test
    void shouldSubmitARecordedPaperOnceAndRefuseOldOnes() {
        AccountPrincipal user = newUser().principal();
        String fresh = arxiv.listingIds().get(COUNTER.incrementAndGet() % 300 + 150);

        Submissions.Submitted s = submissions.submit(user, "https://arxiv.org/pdf/" + fresh + "v1.pdf");

        assertThat(s.day()).isEqualTo(LocalDate.of(2025, 12, 16));
        assertThat(catalog.findEntry(ArxivId.of(fresh))
                        .orElseThrow()
                        .submittedBy()
                        .name())
                .isEqualTo(user.handle());
        assertThat(submissions.submittedBy(user.id(), 10)).containsExactly(ArxivId.of(fresh));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> submissions.submit(user, fresh))
                .isInstanceOf(CommunityException.class)
                .hasMessageContaining("already on Daily Papers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> submissions.submit(user, "1605.08386"))
                .isInstanceOf(CommunityException.class)
                .hasMessageContaining("more than 14 days ago");
    }

    @Test
    void shouldStoreClaimsOrganisationsAndCollections() {
        ArxivId paper = newPaper(0);
        AccountPrincipal user = newUser().principal();
        AccountPrincipal admin = accounts.createUser(
                        "admin" + COUNTER.incrementAndGet() + "@example.org", "correct horse battery", true)
                .principal();

        authorship.claim(user, paper, "ada lovelace");
        assertThat(authorship.pending()).extracting(AuthorshipClaim::paperId).contains(paper);
        authorship.decide(admin, user.id(), paper, true);
        assertThat(authorship.confirmedAuthors(paper))
                .extracting(AuthorshipClaim::userId)
                .containsExactly(user.id());

        Organization org = organizations.create(user, "org-" + COUNTER.incrementAndGet(), "A Lab", "");
        organizations.linkPaper(user, org, paper);
        organizations.linkPaper(user, org, paper);
        assertThat(organizations.papers(org, 10)).extracting(Paper::id).containsExactly(paper);
        assertThat(organizations.members(org))
                .extracting(OrganizationMember::admin)
                .containsExactly(true);

        PaperCollection c = collections.create(user, "To read", "", false);
        collections.add(user, c.id(), paper);
        collections.add(user, c.id(), paper);
        assertThat(collections.find(c.id(), null)).isEmpty();
        assertThat(collections.ownedBy(user.id(), true))
                .extracting(PaperCollection::size)
                .containsExactly(1);
        collections.update(user, c.id(), "To read", "", true);
        assertThat(collections.find(c.id(), null)).isPresent();
        assertThat(collections.items(c)).extracting(i -> i.paper().id()).containsExactly(paper);
        collections.delete(user, c.id());
        assertThat(collections.ownedBy(user.id(), true)).isEmpty();
    }
}
