package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NoLearningTest {

    private static final CountPrior TWENTY_BITS = CountPrior.of(IntStream.range(0, 1 << 20).toArray(), 20);

    @Test
    void thePriorOfAllStringsIsTheBinomialDistribution() {
        double entropy = 0;
        double mostCommon = 0;
        for (int k = 0; k <= 20; k++) {
            double p = binomial(20, k) / (1 << 20);
            entropy -= p * Math.log(p);
            mostCommon = Math.max(mostCommon, p);
        }
        assertThat(TWENTY_BITS.entropy()).isCloseTo(entropy, within(1e-12)).isCloseTo(2.2234, within(1e-4));
        assertThat(TWENTY_BITS.modeErrorPercent()).isCloseTo(100 * (1 - mostCommon), within(1e-10))
                .isCloseTo(82.38, within(0.01));
    }

    @Test
    void aRunNearThePriorInItsLastEpochsLearnedNothing() {
        NoLearning rule = new NoLearning(TWENTY_BITS, TrainingSettings.fast().withLearningRate(1));

        assertThat(rule.test(curve(new double[] {4.3, 2.76, 2.73, 2.64, 2.58}, new double[] {88, 82, 88, 92, 84})))
                .isTrue();
        assertThat(rule.test(curve(new double[] {2.1, 2.09, 2.09}, new double[] {80.4, 80.6, 80.9}))).isTrue();
        assertThat(rule.reason(curve(new double[] {2.3, 2.24, 2.23}, new double[] {83, 82.1, 84})))
                .contains("did not learn", "82.1% or more", "82.4%", "2.23 or more", "2.22",
                        "learning rate 1 is too large", "try 0.1");
    }

    @Test
    void aRunThatLearnedAnythingInItsLastEpochsDidNotLearnNothing() {
        NoLearning rule = new NoLearning(TWENTY_BITS, TrainingSettings.fast());

        // hidden size 1, learning rate 0.5 still learning at its end, and a run that learned in its last epoch
        assertThat(rule.test(curve(new double[] {1.63, 1.62, 1.62}, new double[] {54.5, 54.5, 54.5}))).isFalse();
        assertThat(rule.test(curve(new double[] {1.54, 1.38, 1.26}, new double[] {57.0, 48.7, 47.6}))).isFalse();
        assertThat(rule.test(curve(new double[] {2.3, 2.25, 2.24, 2.23}, new double[] {83, 83, 83, 60}))).isFalse();
        // an error still near the prior's, but a loss well below its entropy: the answers are about to move
        assertThat(rule.test(curve(new double[] {1.9, 1.8, 1.7}, new double[] {80, 79, 78}))).isFalse();
        // a loss near the entropy, but an error some points below the prior's (the window's four-epoch test run)
        assertThat(rule.test(curve(new double[] {2.3, 2.2, 2.11}, new double[] {77, 76, 75.3}))).isFalse();
        // one or two epochs are too few to judge
        assertThat(rule.test(curve(new double[] {2.6}, new double[] {83.8}))).isFalse();
        assertThat(rule.test(curve(new double[] {2.6, 2.5}, new double[] {83.8, 84}))).isFalse();
        // earlier epochs near the prior do not count once the last ones learned
        assertThat(rule.test(curve(new double[] {2.3, 2.3, 2.3, 0.9, 0.5, 0.3}, new double[] {83, 83, 83, 30, 10, 5})))
                .isFalse();
    }

    @Test
    void aSmallStepThatLearnedNothingIsAdvisedMoreEpochsNotASmallerStep() {
        NoLearning rule = new NoLearning(TWENTY_BITS, TrainingSettings.tutorial());

        assertThat(rule.reason(curve(new double[] {3.0, 2.9, 2.8}, new double[] {83, 83, 83})))
                .contains("learning rate of 0.001", "train for more epochs").doesNotContain("too large");
    }

    private static List<EpochResult> curve(double[] losses, double[] errors) {
        List<EpochResult> curve = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            curve.add(new EpochResult(i + 1, losses[i], errors[i], i + 1.0, errors[i]));
        }
        return curve;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
