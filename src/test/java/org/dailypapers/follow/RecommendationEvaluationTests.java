package org.dailypapers.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replay's figures: binary Recall@20 and nDCG@20 as the class documents them. */
class RecommendationEvaluationTests {

    @Test
    void shouldCountHeldOutPapersInTheTop20() {
        List<String> ranked = List.of("a", "x", "b", "y");
        Set<String> relevant = Set.of("a", "b", "c", "d");

        assertThat(RecommendationEvaluation.recall(ranked, relevant)).isEqualTo(0.5);
        double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2)) + 0.5 + 1 / (Math.log(5) / Math.log(2));
        assertThat(RecommendationEvaluation.ndcg(ranked, relevant)).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(RecommendationEvaluation.ndcg(List.of("a", "b", "c", "d"), relevant))
                .isCloseTo(1.0, within(1e-12));
        assertThat(RecommendationEvaluation.recall(List.of("x", "y"), relevant)).isZero();
    }
}
