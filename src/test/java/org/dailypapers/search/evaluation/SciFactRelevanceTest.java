package org.dailypapers.search.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dailypapers.search.ProgressListener;
import org.dailypapers.search.SearchMode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Relevance is a contract: the SciFact figures of every mode are pinned. The corpus is embedded once (minutes on
 * 2 cores) and its vectors cached under target/, keyed by model and text, so later runs take seconds and measure
 * the same thing.
 */
@Tag("slow")
class SciFactRelevanceTest {

    private static final double TOLERANCE = 0.01;

    // Measured with `./dailypapers eval --beir ../shared/data/beir-scifact --mode all`.
    private static final double PINNED_BM25_NDCG = 0.6826;
    private static final double PINNED_BM25_RECALL = 0.9282;
    private static final double PINNED_DENSE_NDCG = 0.7035;
    private static final double PINNED_DENSE_RECALL = 0.9433;
    private static final double PINNED_HYBRID_NDCG = 0.7371;
    private static final double PINNED_HYBRID_RECALL = 0.9667;

    @Test
    void shouldKeepSciFactRelevancePinnedAndAboveTargets() {
        Path data = sharedData("beir-scifact");
        org.dailypapers.RequiredComponent.require(data != null, "../shared/data/beir-scifact is not on this machine");
        List<BeirEvaluation.Figures> figures = new BeirEvaluation(data, "test")
                .run(
                        List.of(SearchMode.BM25, SearchMode.DENSE, SearchMode.HYBRID),
                        Path.of("target", "search-vector-cache", "beir-scifact.bin"),
                        ProgressListener.NONE);
        Map<SearchMode, BeirEvaluation.Figures> byMode =
                figures.stream().collect(Collectors.toMap(BeirEvaluation.Figures::mode, f -> f));
        BeirEvaluation.Figures bm25 = byMode.get(SearchMode.BM25);
        BeirEvaluation.Figures dense = byMode.get(SearchMode.DENSE);
        BeirEvaluation.Figures hybrid = byMode.get(SearchMode.HYBRID);
        assertThat(bm25.queries()).isEqualTo(300);

        assertThat(bm25.ndcgAt10()).isCloseTo(PINNED_BM25_NDCG, within(TOLERANCE));
        assertThat(bm25.recallAt100()).isCloseTo(PINNED_BM25_RECALL, within(TOLERANCE));
        assertThat(dense.ndcgAt10()).isCloseTo(PINNED_DENSE_NDCG, within(TOLERANCE));
        assertThat(dense.recallAt100()).isCloseTo(PINNED_DENSE_RECALL, within(TOLERANCE));
        assertThat(hybrid.ndcgAt10()).isCloseTo(PINNED_HYBRID_NDCG, within(TOLERANCE));
        assertThat(hybrid.recallAt100()).isCloseTo(PINNED_HYBRID_RECALL, within(TOLERANCE));

        // The targets, and hybrid never more than 0.01 below the better of its inputs.
        assertThat(bm25.ndcgAt10()).isGreaterThanOrEqualTo(0.67);
        assertThat(dense.ndcgAt10()).isGreaterThanOrEqualTo(0.70);
        assertThat(hybrid.ndcgAt10()).isGreaterThanOrEqualTo(0.73);
        assertThat(hybrid.ndcgAt10()).isGreaterThanOrEqualTo(Math.max(bm25.ndcgAt10(), dense.ndcgAt10()) - 0.01);
    }

    /** The data sets live in shared/data beside the repository (or beside the folder of its worktrees). */
    static @Nullable Path sharedData(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
