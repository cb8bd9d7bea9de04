package org.dailypapers.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void shouldMatchKeywordsAfterLemmatisingAndByTheirAcronymParts() {
        List<String> gold = List.of("Large Language Models", "RLVR", "policy-gradient update", "AIME");
        List<String> ours = List.of(
                "large language model (LLM)",
                "Reinforcement Learning with Verifiable Rewards (RLVR)",
                "policy gradient updates",
                "token entropy",
                "benchmarks");

        double[] pr = KeywordMetrics.exact(ours, gold, 5);

        assertThat(pr[0]).isCloseTo(3 / 5.0, within(1e-9)); // 3 of our 5 match
        assertThat(pr[1]).isCloseTo(3 / 4.0, within(1e-9)); // 3 of their 4 are found
    }

    @Test
    void shouldMatchEachKeywordOnceOnly() {
        double[] pr = KeywordMetrics.exact(List.of("LLMs", "LLM"), List.of("LLM"), 5);

        assertThat(pr[1]).isEqualTo(1.0);
        assertThat(pr[0]).isCloseTo(1 / 5.0, within(1e-9));
    }

    @Test
    void shouldScorePartialMatchesByContentWords() {
        double partial = KeywordMetrics.partial(List.of("gradient grouping"), List.of("gradient scaling"), 5);

        assertThat(partial).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void shouldComputeRougeAsRougeScoreDoes() {
        List<String> ref = TextTokens.lowerWords("the cat was found under the bed");
        List<String> cand = TextTokens.lowerWords("the cat was under the bed");

        assertThat(Rouge.ngramF1(cand, cand, 1)).isEqualTo(1.0);
        // 6 of 6 candidate unigrams in the reference of 7: P = 1, R = 6/7
        assertThat(Rouge.ngramF1(cand, ref, 1)).isCloseTo(2 * (6 / 7.0) / (1 + 6 / 7.0), within(1e-9));
        // bigrams: the cat, cat was, under the, the bed match (4 of 5; reference has 6)
        assertThat(Rouge.ngramF1(cand, ref, 2)).isCloseTo(2 * 0.8 * (4 / 6.0) / (0.8 + 4 / 6.0), within(1e-9));
        assertThat(Rouge.lcsF1(cand, ref)).isCloseTo(2 * (6 / 7.0) / (1 + 6 / 7.0), within(1e-9));
    }
}
