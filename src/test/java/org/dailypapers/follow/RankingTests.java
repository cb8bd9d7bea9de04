package org.dailypapers.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.junit.jupiter.api.Test;

/** The one ranking of "For you", on hand-made neighbours: its reasons, its order, and "not interested". */
class RankingTests {

    private static final ArxivId LIKED = ArxivId.of("2501.00001");
    private static final ArxivId NEAR = ArxivId.of("2501.00010");
    private static final ArxivId FAR = ArxivId.of("2501.00011");
    private static final ArxivId COAUTHORED = ArxivId.of("2501.00012");
    private static final ArxivId FOLLOWED = ArxivId.of("2501.00013");
    private static final ArxivId DISMISSED = ArxivId.of("2501.00014");
    private static final ArxivId LIKE_DISMISSED = ArxivId.of("2501.00015");

    private static Paper paper(ArxivId id, String title, List<String> authors, int upvotes) {
        return new Paper(
                id,
                1,
                title,
                "An abstract.",
                authors,
                List.of("cs.LG"),
                Instant.parse("2025-01-05T00:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                upvotes,
                null);
    }

    private static Ranking.Candidate candidate(ArxivId id, String title, List<String> authors, int upvotes) {
        return new Ranking.Candidate(
                paper(id, title, authors, upvotes), new DailyEntry(id, LocalDate.of(2025, 1, 6), null, null, 0, null));
    }

    private final Ranking.Seed seed =
            new Ranking.Seed(LIKED, "Sparse Attention at Scale", List.of("Ada Lovelace"), LikedPaper.How.UPVOTED);

    private final List<Ranking.Candidate> candidates = List.of(
            candidate(NEAR, "Sparser Attention", List.of("Grace Hopper"), 1),
            candidate(FAR, "Protein Folding", List.of("Rosalind Franklin"), 500),
            candidate(COAUTHORED, "Analytical Engines", List.of("Ada Lovelace", "Charles Babbage"), 0),
            candidate(FOLLOWED, "Unrelated but followed", List.of("Alan Turing"), 0),
            candidate(LIKE_DISMISSED, "Dense Attention Again", List.of("Edsger Dijkstra"), 0));

    /** The liked paper is close to NEAR and to LIKE_DISMISSED; the dismissed paper is very close to LIKE_DISMISSED. */
    private final Ranking.Neighbours neighbours = id -> switch (id.id()) {
        case "2501.00001" -> Map.of(NEAR.id(), 0.92, LIKE_DISMISSED.id(), 0.90, FAR.id(), 0.55);
        case "2501.00014" -> Map.of(LIKE_DISMISSED.id(), 0.97, FAR.id(), 0.5);
        default -> Map.of();
    };

    private final Map<String, Recommendation.Reason> followed = Map.of(
            FOLLOWED.id(),
            new Recommendation.Reason(
                    Recommendation.Kind.FOLLOW, "By Alan Turing, whom you follow", "/authors/Alan%20Turing"));

    @Test
    void shouldGiveEachPaperTheReasonItWasChosenFor() {
        List<Recommendation> ranked = Ranking.rank(
                new Ranking.Profile(List.of(seed), List.of(), followed),
                candidates,
                neighbours,
                10,
                Ranking.Weights.DEFAULT);

        Map<String, String> reasons = ranked.stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.paper().id().id(), r -> r.reason().text()));
        assertThat(reasons.get(NEAR.id()))
                .isEqualTo("Similar to \u201cSparse Attention at Scale\u201d that you upvoted");
        assertThat(reasons.get(COAUTHORED.id()))
                .isEqualTo("By Ada Lovelace, who also wrote \u201cSparse Attention at Scale\u201d that you upvoted");
        assertThat(reasons.get(FOLLOWED.id())).isEqualTo("By Alan Turing, whom you follow");
        assertThat(ranked.getFirst().paper().id()).isEqualTo(FOLLOWED);
        assertThat(ranked.stream().map(r -> r.paper().id()).toList()).doesNotContain(LIKED);
    }

    @Test
    void shouldRankCloserPapersAboveMorePopularOnes() {
        List<Recommendation> ranked = Ranking.rank(
                new Ranking.Profile(List.of(seed), List.of(), Map.of()),
                candidates,
                neighbours,
                10,
                Ranking.Weights.DEFAULT);

        List<ArxivId> order = ranked.stream().map(r -> r.paper().id()).toList();
        assertThat(order.indexOf(NEAR)).isLessThan(order.indexOf(FAR));
        assertThat(order).doesNotContain(FOLLOWED); // no reason to show it without the follow
    }

    @Test
    void shouldHideADismissedPaperAndDemoteItsNeighbours() {
        List<Ranking.Candidate> withDismissed = new java.util.ArrayList<>(candidates);
        withDismissed.add(candidate(DISMISSED, "Attention Everywhere", List.of("Barbara Liskov"), 3));
        Ranking.Neighbours withIt = id -> id.equals(LIKED)
                ? Map.of(NEAR.id(), 0.92, LIKE_DISMISSED.id(), 0.93, DISMISSED.id(), 0.95, FAR.id(), 0.55)
                : neighbours.of(id);

        List<ArxivId> before = Ranking.rank(
                        new Ranking.Profile(List.of(seed), List.of(), Map.of()),
                        withDismissed,
                        withIt,
                        10,
                        Ranking.Weights.DEFAULT)
                .stream()
                .map(r -> r.paper().id())
                .toList();
        List<ArxivId> after = Ranking.rank(
                        new Ranking.Profile(List.of(seed), List.of(DISMISSED), Map.of()),
                        withDismissed,
                        withIt,
                        10,
                        Ranking.Weights.DEFAULT)
                .stream()
                .map(r -> r.paper().id())
                .toList();

        assertThat(before.indexOf(LIKE_DISMISSED)).isLessThan(before.indexOf(NEAR));
        assertThat(after).doesNotContain(DISMISSED);
        assertThat(after.indexOf(LIKE_DISMISSED)).isGreaterThan(after.indexOf(NEAR));
    }
}
