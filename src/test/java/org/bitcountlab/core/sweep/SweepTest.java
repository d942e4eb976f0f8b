package org.bitcountlab.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.InvalidSettingsException;
import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.TrainingSettings;
import org.junit.jupiter.api.Test;

class SweepTest {

    /** 10-bit strings, 100 of them training: a run takes a fraction of a second. */
    private static final TrainingSettings SMALL = new TrainingSettings(10, 8, 20, 3, 0.02, 100, 5, 300, true);

    @Test
    void aSweepOfTwoSizesAndTwoSeedsReportsTrainingAndHeldOutErrorPerSeed() {
        List<SweepProgress> starts = new ArrayList<>();
        List<SweepPoint> finished = new ArrayList<>();
        SweepPlan plan = new SweepPlan(SMALL, SweepVariable.HIDDEN_SIZE, List.of(2, 6), 2);

        SweepResult result = new Sweep(plan, new SweepListener() {
            @Override
            public void runStarted(SweepProgress progress) {
                starts.add(progress);
            }

            @Override
            public void pointFinished(SweepPoint point) {
                finished.add(point);
            }
        }).run();

        assertThat(result.completed()).isTrue();
        assertThat(result.finalFigure()).isEqualTo("median of the last 5 epochs");
        assertThat(result.points()).extracting(SweepPoint::value).containsExactly(2, 6);
        assertThat(finished).isEqualTo(result.points());
        for (SweepPoint point : result.points()) {
            assertThat(point.runs()).extracting(SeedRun::seed).containsExactly(5L, 6L);
            for (SeedRun run : point.runs()) {
                // three epochs of 100 strings may teach 2 units nothing: the sweep keeps such a run all the same
                assertThat(run.outcome()).isIn(RunOutcome.COMPLETED, RunOutcome.DID_NOT_LEARN);
                assertThat(run.epochs()).isEqualTo(3);
                assertThat(run.trainingError()).isBetween(0.0, 100.0);
                assertThat(run.heldOutError()).isBetween(0.0, 100.0);
            }
            double[] heldOut = point.runs().stream().mapToDouble(SeedRun::heldOutError).toArray();
            assertThat(point.heldOutError()).isEqualTo(Spread.of(heldOut));
            assertThat(point.heldOutError().min()).isLessThanOrEqualTo(point.heldOutError().mean());
            assertThat(point.heldOutError().mean()).isLessThanOrEqualTo(point.heldOutError().max());
        }
        // different seeds are different runs
        SweepPoint first = result.points().get(0);
        assertThat(first.runs().get(0)).isNotEqualTo(first.runs().get(1));

        assertThat(starts).extracting(SweepProgress::run).containsExactly(1, 2, 3, 4);
        assertThat(starts).extracting(SweepProgress::runs).containsOnly(4);
        assertThat(starts.get(0).secondsLeft()).as("predicted from the settings alone").isPositive();
        assertThat(starts.get(3).secondsLeft()).isPositive();
    }

    @Test
    void stoppingKeepsTheFinishedPoints() {
        SweepPlan plan = new SweepPlan(SMALL, SweepVariable.TRAINING_SET_SIZE, List.of(40, 80, 120), 1);
        Sweep[] sweep = new Sweep[1];
        sweep[0] = new Sweep(plan, new SweepListener() {
            @Override
            public void epochEnded(SweepProgress progress, EpochResult result) {
                if (progress.run() == 2) {
                    sweep[0].cancel();
                }
            }
        });

        SweepResult result = sweep[0].run();

        assertThat(result.completed()).isFalse();
        assertThat(result.points()).extracting(SweepPoint::value).containsExactly(40);
    }

    @Test
    void theFinalFigureIsNotDecidedByOneSpike() {
        List<EpochResult> curve = new ArrayList<>();
        double[] errors = {30, 5, 4, 3, 3, 50};
        for (int i = 0; i < errors.length; i++) {
            curve.add(new EpochResult(i + 1, 1, errors[i], i, errors[i] / 2));
        }

        assertThat(FinalFigure.heldOutError(curve)).isEqualTo(4);
        assertThat(FinalFigure.trainingError(curve)).isEqualTo(2);
        assertThat(FinalFigure.heldOutError(curve.subList(0, 2))).isEqualTo(17.5);
        assertThat(FinalFigure.heldOutError(List.of())).isNaN();
    }

    @Test
    void aPlanWithAnImpossiblePointIsRejectedNamingIt() {
        SweepPlan plan = new SweepPlan(SMALL, SweepVariable.TRAINING_SET_SIZE, List.of(100, 1 << 10), 2);

        assertThat(plan.problems()).singleElement().asString()
                .contains("at training strings 1,024", "training-set size must be between 1 and 1,023");
        assertThatThrownBy(() -> new Sweep(plan, new SweepListener() { })).isInstanceOf(InvalidSettingsException.class);
        assertThat(new SweepPlan(SMALL, SweepVariable.HIDDEN_SIZE, List.of(2, 2), 0).problems())
                .contains("each value may appear only once, got [2, 2]", "seeds must be between 1 and 20, got 0");
    }

    @Test
    void everyReadySweepIsAValidPlan() {
        for (ReadySweep ready : ReadySweep.values()) {
            assertThat(ready.plan().problems()).as(ready.id()).isEmpty();
            assertThat(ready.plan().seeds()).isEqualTo(SweepPlan.DEFAULT_SEEDS);
            assertThat(ReadySweep.fromId(ready.id())).isEqualTo(ready);
        }
    }
}
