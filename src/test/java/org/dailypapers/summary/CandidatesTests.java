package org.dailypapers.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatesTests {

    private static List<String> texts(String title, String abstractText) {
        return Candidates.of(title, abstractText).stream()
                .map(Candidates.Candidate::text)
                .toList();
    }

    @Test
    void shouldKeepAnAcronymWithItsExpansionAndCountItsLaterUses() {
        List<Candidates.Candidate> c = Candidates.of(
                "Taming LLMs",
                "Training large language models (LLMs) is hard. Reinforcement Learning with Verifiable Rewards"
                        + " (RLVR) helps LLMs reason.");

        Candidates.Candidate llm = c.stream()
                .filter(x -> x.key().equals("large language model"))
                .findFirst()
                .orElseThrow();
        assertThat(llm.text()).isEqualTo("large language models (LLMs)");
        assertThat(llm.acronym()).isTrue();
        // the title's "LLMs" and the abstract's second "LLMs" count for the expansion
        assertThat(llm.count()).isGreaterThanOrEqualTo(2);
        assertThat(llm.inTitle()).isTrue();
        assertThat(texts("", "Reinforcement Learning with Verifiable Rewards (RLVR) helps."))
                .contains("Reinforcement Learning with Verifiable Rewards (RLVR)");
    }

    @Test
    void shouldNeitherCrossPunctuationNorStartOrEndWithAStopWord() {
        List<String> t = texts("", "We study token entropy patterns, and the policy gradient updates of models.");

        assertThat(t).contains("token entropy patterns", "policy gradient updates");
        assertThat(t).noneMatch(x -> x.contains(","));
        assertThat(t).noneMatch(x -> x.startsWith("the ") || x.endsWith(" of"));
        assertThat(t).allMatch(x -> x.split(" ").length <= Candidates.MAX_WORDS);
        // lone general words are no key phrases
        assertThat(t).doesNotContain("models");
    }

    @Test
    void shouldMergePluralAndSingularIntoOneCandidate() {
        List<Candidates.Candidate> c =
                Candidates.of("", "A diffusion model is trained. Diffusion models are strong. Other diffusion models.");

        assertThat(c.stream().filter(x -> x.key().equals("diffusion model")))
                .singleElement()
                .satisfies(x -> assertThat(x.count()).isEqualTo(3));
    }
}
