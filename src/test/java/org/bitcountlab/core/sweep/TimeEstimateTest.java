package org.bitcountlab.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bitcountlab.core.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The time a sweep has left, replayed over sweeps recorded on the command line: every epoch's
 * seconds of each ready sweep, its first run in a fresh JVM (slow while the JIT compiles).
 */
class TimeEstimateTest {

    @ParameterizedTest
    @EnumSource(ReadySweep.class)
    void fromTheSecondRunOnTheTimeLeftIsWithinAQuarterOfTheClock(ReadySweep ready) throws IOException {
        SweepPlan plan = ready.plan();
        List<double[]> runs = recorded(ready);
        assertThat(runs).hasSize(plan.runs());
        TimeEstimate estimate = new TimeEstimate(plan);
        double total = runs.stream().flatMapToDouble(Arrays::stream).sum();
        double spent = 0;
        int run = 0;
        for (int value : plan.values()) {
            for (int seed = 0; seed < plan.seeds(); seed++) {
                run++;
                double truth = total - spent;
                double left = estimate.secondsLeft(run, 0);
                if (run >= 2) { // to the whole percent the sweep prints
                    assertThat(Math.round(100 * Math.abs(left / truth - 1))).as("%% off at run %d of %s", run, ready.id())
                            .isLessThanOrEqualTo(25);
                }
                TrainingSettings settings = plan.settings(value, seed);
                for (double seconds : runs.get(run - 1)) {
                    estimate.epochTimed(settings, seconds);
                    spent += seconds;
                }
            }
        }
    }

    @Test
    void beforeAnyEpochTheSettingsAloneGiveAnEstimate() {
        TimeEstimate estimate = new TimeEstimate(ReadySweep.HIDDEN_FEW_STRINGS.plan());
        assertThat(estimate.secondsLeft(1, 0)).isFinite().isPositive();
    }

    @Test
    void aLargerNetworkIsPredictedToCostMore() {
        TrainingSettings small = TrainingSettings.fast().withHidden(4);
        assertThat(TimeEstimate.referenceSeconds(small.withHidden(64))).isGreaterThan(4 * TimeEstimate.referenceSeconds(small));
        assertThat(TimeEstimate.referenceSeconds(small.withTrainSize(10 * small.trainSize())))
                .isGreaterThan(TimeEstimate.referenceSeconds(small));
    }

    /** One line per run: the seconds of each of its epochs. */
    private static List<double[]> recorded(ReadySweep ready) throws IOException {
        try (InputStream in = TimeEstimateTest.class.getResourceAsStream(ready.id() + ".sweep-epochs.txt")) {
            List<double[]> runs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    runs.add(Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return runs;
        }
    }
}
