package org.dailypapers.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadInsTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "In this paper, we propose SGG, an optimizer wrapper.|SGG, an optimizer wrapper.",
                "In this work, we introduce a benchmark for agents.|A benchmark for agents.",
                "This work introduces Scaling with Gradient Grouping (SGG).|Scaling with Gradient Grouping (SGG).",
                "To address this gap, we present VS-Bench, a multimodal benchmark.|VS-Bench, a multimodal benchmark.",
                "Here we show that small models can reason.|Small models can reason.",
                "Large models are expensive to train.|Large models are expensive to train.",
                "We study this by quantifying the 3D understanding of models.|We study this by quantifying the 3D"
                        + " understanding of models."
            })
    void shouldTrimTheLeadInOfASentence(String sentence, String trimmed) {
        assertThat(LeadIns.trim(sentence)).isEqualTo(trimmed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "In this paper, we propose SGG, an optimizer wrapper.|true",
                "This paper presents a new data set of proofs.|true",
                "Large models are expensive to train.|false"
            })
    void shouldTellWhetherASentenceStatesTheContribution(String sentence, boolean contribution) {
        assertThat(LeadIns.statesContribution(sentence)).isEqualTo(contribution);
    }
}
