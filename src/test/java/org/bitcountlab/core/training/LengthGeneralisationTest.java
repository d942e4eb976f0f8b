package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.bitcountlab.core.model.RecurrentCell;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.junit.jupiter.api.Test;

class LengthGeneralisationTest {

    private static final ParameterSnapshot PRETRAINED = pretrained();

    private static ParameterSnapshot pretrained() {
        try {
            return PretrainedModel.load().parameters();
        } catch (ModelFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shorter and longer strings than it was trained on, scored the same way by DL4J's own network. */
    @Test
    void atEveryLengthTheErrorIsWhatDl4jsNetworkGetsWrongOnTheSameStrings() {
        RecurrentCell cell = RecurrentCell.of(PRETRAINED);
        for (int length : new int[] {12, 20, 26}) {
            int[] values = LengthGeneralisation.sample(length, 20, 2000, new SplittableRandom(length));
            Dl4jReference.Answers dl4j = Dl4jReference.answers(PRETRAINED, values, length);

            double error = LengthGeneralisation.errorPercent(cell, values, length);

            assertThat(error).as("length %d", length)
                    .isCloseTo(100.0 * dl4j.errors(values) / values.length, within(100.0 * dl4j.nearTies() / values.length));
        }
    }

    @Test
    void atTheTrainedLengthItAgreesWithTheFullEvaluationOfTheSameStrings() {
        int[] values = LengthGeneralisation.sample(20, 20, 5000, new SplittableRandom(3));

        assertThat(LengthGeneralisation.errorPercent(RecurrentCell.of(PRETRAINED), values, 20))
                .isEqualTo(Evaluator.evaluate(PRETRAINED, values).errorPercent());
    }

    @Test
    void theReportCoversEveryLengthAndSamplesOnlyCountsTheModelCanName() {
        LengthGeneralisation.Result result = LengthGeneralisation.evaluate(PRETRAINED, 10, 30, 500, 4);

        assertThat(result.errorPercent()).hasSize(21);
        assertThat(result.errorAt(20)).isLessThan(3);
        assertThat(result.errorAt(30)).as("it counts only at the length it was trained on").isGreaterThan(20);
        int[] longer = LengthGeneralisation.sample(30, 20, 2000, new SplittableRandom(1));
        assertThat(java.util.Arrays.stream(longer).map(Integer::bitCount).max().orElseThrow()).isLessThanOrEqualTo(20);
    }
}
