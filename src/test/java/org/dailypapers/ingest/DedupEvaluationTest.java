package org.dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The matcher on the committed labelled set (src/test/resources/dedup, see its README): the targets,
 * precision at least 0.98 and recall at least 0.90.
 */
class DedupEvaluationTest {

    @Test
    void shouldMeetThePrecisionAndRecallTargetsOnTheLabelledPairs() {
        Path labels = Path.of("src/test/resources/dedup/labelled-pairs.tsv");
        DedupEvaluation.Figures f = DedupEvaluation.run(SharedData.root(), labels);
        System.out.println(f.line());
        f.errors().forEach(System.out::println);

        assertThat(f.pairs()).isEqualTo(453);
        assertThat(f.truePositives() + f.falseNegatives()).isEqualTo(185 + 32 + 6);
        assertThat(f.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(f.recall()).isGreaterThanOrEqualTo(0.90);
    }
}
