package org.dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the catalog promises, run against each supported database by the subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "dailypapers.demo=false")
abstract class CatalogContractTests {

    @Autowired
    PaperCatalog catalog;

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(90_000));

    /** Ids unique per test so that tests sharing one database stay independent. */
    static String freshId() {
        int n = COUNTER.incrementAndGet();
        return String.format("29%02d.%05d", 1 + n % 12, n % 100_000);
    }

    static Paper paper(String id, int version, String title) {
        return new Paper(
                ArxivId.of(id),
                version,
                title,
                "An abstract about " + title + ".",
                List.of("Ada Lovelace", "Alan Turing"),
                List.of("cs.CL", "cs.AI"),
                Instant.parse("2025-01-10T11:17:15Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0,
                null);
    }

    static DailyEntry entry(String id, LocalDate day, String at, @Nullable String org) {
        return new DailyEntry(
                ArxivId.of(id),
                day,
                Instant.parse(at),
                new DailyEntry.Submitter("akhaliq", "AK", null),
                2,
                org == null ? null : new DailyEntry.Organization(org, org + " Inc", null));
    }

    @Test
    void shouldAddPapersOnceAndCountRepeatsAsSkipped() {
        String a = freshId();
        String b = freshId();
        List<PaperRecord> records =
                List.of(PaperRecord.of(paper(a, 1, "First paper")), PaperRecord.of(paper(b, 1, "Second paper")));

        UpsertOutcome first = catalog.upsert(records);
        UpsertOutcome second = catalog.upsert(records);

        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.changedIds()).hasSize(2);
        assertThat(second.imported()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.skipped()).isEqualTo(2);
        assertThat(second.changedIds()).isEmpty();
        assertThat(catalog.find(ArxivId.of(a)).orElseThrow().title()).isEqualTo("First paper");
    }

    @Test
    void shouldKeepTheNewestVersion() {
        String id = freshId();
        catalog.upsert(List.of(PaperRecord.of(paper(id, 2, "Second version"))));

        UpsertOutcome older = catalog.upsert(List.of(PaperRecord.of(paper(id, 1, "First version"))));
        assertThat(older.updated()).isZero();
        assertThat(catalog.find(ArxivId.of(id)).orElseThrow().title()).isEqualTo("Second version");

        UpsertOutcome newer = catalog.upsert(List.of(PaperRecord.of(paper(id, 3, "Third version"))));
        assertThat(newer.updated()).isEqualTo(1);
        Paper stored = catalog.find(ArxivId.of(id)).orElseThrow();
        assertThat(stored.title()).isEqualTo("Third version");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void shouldCombineWhatDifferentSourcesKnow() {
        String id = freshId();
        Paper fromHf = new Paper(
                ArxivId.of(id),
                0,
                "Shared title",
                "Abstract. Code at https://github.com/org/repo.",
                List.of("Ada Lovelace"),
                List.of(),
                Instant.parse("2025-01-10T11:17:15Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(new PaperLink(PaperLink.Kind.PROJECT, "https://project.example.org")),
                42,
                7);
        Paper fromArxiv = paper(id, 1, "Shared title");

        catalog.upsert(List.of(PaperRecord.of(fromHf)));
        catalog.upsert(List.of(PaperRecord.of(fromArxiv)));

        Paper stored = catalog.find(ArxivId.of(id)).orElseThrow();
        assertThat(stored.categories()).containsExactly("cs.CL", "cs.AI");
        assertThat(stored.upvotes()).isEqualTo(42);
        assertThat(stored.githubStars()).isEqualTo(7);
        assertThat(stored.githubRepo()).contains("https://github.com/org/repo");
        assertThat(stored.projectPage()).contains("https://project.example.org");
        assertThat(catalog.upsert(List.of(PaperRecord.of(fromArxiv))).skipped()).isEqualTo(1);
    }

    @Test
    void shouldServeADayInEachOrderWithFilters() {
        LocalDate day = LocalDate.of(2031, 3, 4);
        String quiet = freshId();
        String popular = freshId();
        String recent = freshId();
        Paper popularPaper = withUpvotes(paper(popular, 1, "Popular"), 50);
        Paper recentPaper = withCategories(withUpvotes(paper(recent, 1, "Recent"), 5), List.of("cs.CV"));
        catalog.upsert(List.of(
                new PaperRecord(paper(quiet, 1, "Quiet"), entry(quiet, day, "2031-03-04T01:00:00Z", null)),
                new PaperRecord(popularPaper, entry(popular, day, "2031-03-04T22:00:00Z", "OrgA")),
                new PaperRecord(recentPaper, entry(recent, day, "2031-03-04T23:00:00Z", null))));

        assertThat(ids(catalog.daily(DailyQuery.day(day, DailySort.PUBLISHED_AT), 0, 10)))
                .containsExactly(recent, popular, quiet);
        assertThat(ids(catalog.daily(DailyQuery.day(day, DailySort.UPVOTES), 0, 10)))
                .containsExactly(popular, recent, quiet);
        // 50 votes an hour older beat 5 fresh ones; 0 votes an old submission come last
        assertThat(ids(catalog.daily(DailyQuery.day(day, DailySort.TRENDING), 0, 10)))
                .containsExactly(popular, recent, quiet);
        assertThat(ids(catalog.daily(new DailyQuery(day, day, DailySort.UPVOTES, "cs.CV", null), 0, 10)))
                .containsExactly(recent);
        assertThat(ids(catalog.daily(new DailyQuery(day, day, DailySort.UPVOTES, "cs", null), 0, 10)))
                .hasSize(3);
        assertThat(ids(catalog.daily(new DailyQuery(day, day, DailySort.UPVOTES, null, "OrgA"), 0, 10)))
                .containsExactly(popular);
        DailyPage page = catalog.daily(DailyQuery.day(day, DailySort.UPVOTES), 1, 1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(recent);
    }

    @Test
    void shouldFindNeighbouringDaysThatHavePapers() {
        String a = freshId();
        String b = freshId();
        LocalDate monday = LocalDate.of(2032, 5, 3);
        LocalDate friday = LocalDate.of(2032, 5, 7);
        catalog.upsert(List.of(
                new PaperRecord(paper(a, 1, "A"), entry(a, monday, "2032-05-03T08:00:00Z", null)),
                new PaperRecord(paper(b, 1, "B"), entry(b, friday, "2032-05-07T08:00:00Z", null))));

        assertThat(catalog.dayAfter(monday)).contains(friday);
        assertThat(catalog.dayBefore(friday)).contains(monday);
    }

    @Test
    void shouldReportChangesInOrderForCatchingUp() {
        long before = catalog.lastChangeSeq();
        String a = freshId();
        String b = freshId();
        catalog.upsert(List.of(PaperRecord.of(paper(a, 1, "A"))));
        catalog.upsert(List.of(PaperRecord.of(paper(b, 1, "B"))));

        List<CatalogChange> changes = catalog.changedSince(before, 10);

        assertThat(changes).extracting(c -> c.paper().id().id()).containsExactly(a, b);
        assertThat(changes.get(0).seq()).isLessThan(changes.get(1).seq());
        assertThat(catalog.changedSince(changes.get(1).seq(), 10)).isEmpty();
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void shouldForgetCachedReadsWhenTheCatalogChanges() {
        String id = freshId();
        LocalDate day = LocalDate.of(2025, 1, 12);
        catalog.upsert(List.of(new PaperRecord(paper(id, 1, "Cached"), entry(id, day, "2025-01-12T08:00:00Z", null))));
        CatalogReadCache cache = catalog.newReadCache(100);
        java.util.function.Supplier<Integer> upvotes = () -> cache.get(
                "upvotes of " + id,
                () -> catalog.find(ArxivId.of(id)).orElseThrow().upvotes());
        java.util.function.Supplier<Integer> comments = () -> cache.get(
                "comments of " + id,
                () -> catalog.findEntry(ArxivId.of(id)).orElseThrow().numComments());

        assertThat(upvotes.get()).isZero();
        catalog.addUpvotes(ArxivId.of(id), 3);
        assertThat(upvotes.get()).isEqualTo(3);

        int before = comments.get();
        transactions.executeWithoutResult(status -> {
            catalog.addComments(ArxivId.of(id), 1);
            // another connection reads (and remembers) the count before the commit: the commit must clear it
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger(-1);
            Thread reader = Thread.ofPlatform().start(() -> seen.set(comments.get()));
            try {
                reader.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(seen.get()).isEqualTo(before);
        });
        assertThat(comments.get()).isEqualTo(before + 1);

        java.util.function.Supplier<String> title = () -> cache.get(
                "title of " + id,
                () -> catalog.find(ArxivId.of(id)).orElseThrow().title());
        assertThat(title.get()).isEqualTo("Cached");
        catalog.upsert(List.of(new PaperRecord(paper(id, 2, "Cached, revised"), null)));
        assertThat(title.get()).isEqualTo("Cached, revised");
    }

    @Test
    void shouldAddUpvotesToKnownPapersOnly() {
        String id = freshId();
        catalog.upsert(List.of(PaperRecord.of(paper(id, 1, "Votes"))));

        assertThat(catalog.addUpvotes(ArxivId.of(id), 1)).isTrue();
        assertThat(catalog.addUpvotes(ArxivId.of("2912.99999"), 1)).isFalse();
        assertThat(catalog.find(ArxivId.of(id)).orElseThrow().upvotes()).isEqualTo(1);
    }

    private static List<String> ids(DailyPage page) {
        return page.items().stream().map(dp -> dp.paper().id().id()).toList();
    }

    private static Paper withUpvotes(Paper p, int upvotes) {
        return new Paper(
                p.id(),
                p.version(),
                p.title(),
                p.abstractText(),
                p.authors(),
                p.categories(),
                p.publishedAt(),
                p.updatedAt(),
                p.comments(),
                p.journalRef(),
                p.doi(),
                p.license(),
                p.links(),
                upvotes,
                p.githubStars());
    }

    private static Paper withCategories(Paper p, List<String> categories) {
        return new Paper(
                p.id(),
                p.version(),
                p.title(),
                p.abstractText(),
                p.authors(),
                categories,
                p.publishedAt(),
                p.updatedAt(),
                p.comments(),
                p.journalRef(),
                p.doi(),
                p.license(),
                p.links(),
                p.upvotes(),
                p.githubStars());
    }
}
