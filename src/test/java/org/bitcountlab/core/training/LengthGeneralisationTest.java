package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

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
        for (int length : new int[] {3, 12, 20, 26}) {
            int[] values = LengthGeneralisation.sample(length, 20, 2000, new SplittableRandom(length));
            Dl4jReference.Answers dl4j = Dl4jReference.answers(PRETRAINED, values, length);

            double error = LengthGeneralisation.errorPercent(PRETRAINED, values, length);

            assertThat(error).as("length %d", length)
                    .isCloseTo(100.0 * dl4j.errors(values) / values.length, within(100.0 * dl4j.nearTies() / values.length));
        }
    }

    @Test
    void theReportCoversEveryLengthAndCountsOnlyWhatTheModelCanName() {
        LengthGeneralisation.Result result = LengthGeneralisation.evaluate(PRETRAINED, 1, 30, 500, 4);

        assertThat(result.errorPercent()).hasSize(30);
        assertThat(result.toLength()).isEqualTo(30);
        assertThat(result.errorAt(20)).isLessThan(3);
        assertThat(result.errorAt(30)).as("it counts only at the length it was trained on").isGreaterThan(20);
        assertThat(result.errorAt(8)).isGreaterThan(20);
        int[] longer = LengthGeneralisation.sample(30, 20, 2000, new SplittableRandom(1));
        assertThat(Arrays.stream(longer).map(Integer::bitCount).max().orElseThrow()).isLessThanOrEqualTo(20);
    }

    @Test
    void shortLengthsAreScoredOnEveryStringLongOnesOnASample() {
        LengthGeneralisation.Result result = LengthGeneralisation.evaluate(PRETRAINED, 1, 12, 1000, 4);

        assertThat(result.strings()[0]).isEqualTo(2);
        assertThat(result.strings()[8]).as("all 512 strings of 9 bits").isEqualTo(512);
        assertThat(result.exhaustiveAt(9)).isTrue();
        assertThat(result.strings()[9]).as("1,000 of the 1,024 strings of 10 bits").isEqualTo(1000);
        assertThat(result.exhaustiveAt(10)).isFalse();
        assertThat(LengthGeneralisation.allCountable(9, 20)).hasSize(512).doesNotHaveDuplicates();
        assertThat(LengthGeneralisation.allCountable(22, 20)).hasSize((1 << 22) - 1 - 22);
    }

    @Test
    void beyondTheLargestCountTheShareIsExactAndTheSampleHasOnlyUncountableStrings() {
        LengthGeneralisation.Result result = LengthGeneralisation.evaluate(PRETRAINED, 20, 22, 200, 4);

        assertThat(result.beyondPercent()[0]).isZero();
        assertThat(result.beyondSaid()[0]).isEqualTo(-1);
        assertThat(result.beyondPercent()[1]).isCloseTo(100.0 / (1 << 21), within(1e-12));
        assertThat(result.beyondPercent()[2]).isCloseTo(100.0 * 23 / (1 << 22), within(1e-12));
        assertThat(result.beyondSaid()[2]).isBetween(0, 20);
        assertThat(LengthGeneralisation.sampleBeyond(21, 20, 50, new SplittableRandom(2)))
                .as("one string of 21 bits has 21 ones").containsOnly((1 << 21) - 1);
        int[] beyond = LengthGeneralisation.sampleBeyond(30, 20, 5000, new SplittableRandom(3));
        assertThat(Arrays.stream(beyond).map(Integer::bitCount).min().orElseThrow()).isGreaterThan(20);
        assertThat(Arrays.stream(beyond).map(Integer::bitCount).max().orElseThrow()).isLessThanOrEqualTo(30);
        long with21 = Arrays.stream(beyond).filter(v -> Integer.bitCount(v) == 21).count();
        // C(30,21) of the 22,964,087 strings with more than 20 ones: 62.3%
        assertThat(with21 / 5000.0).isCloseTo(14_307_150 / 22_964_087.0, within(0.02));
    }

    /** A large network takes a while at 30 lengths: a stop is heard before each length. */
    @Test
    void aStopIsHeardBetweenLengths() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LengthGeneralisation.evaluate(PRETRAINED,
                org.bitcountlab.core.model.SilencedUnits.none(), 1, 30, 200, 1, () -> asked.incrementAndGet() > 5))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(asked.get()).as("asked before each length, stopped at the sixth").isEqualTo(6);
    }
}
