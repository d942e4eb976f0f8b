package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepVariable;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private static final long GB = 1L << 30;
    /** What the installer's launcher gives (-Xmx2g), as {@link MemoryBudget#ofThisJvm()} would see it. */
    private static final MemoryBudget TWO_GB = new MemoryBudget((long) (2 * GB * 0.85) - (256L << 20), 2 * GB);

    @Test
    void theLargestNetworkWithAHugeBatchNeedsGigabytes() {
        MemoryBudget.Estimate need = MemoryBudget.estimate(TrainingSettings.fast().withHidden(512).withBatchSize(10_000));
        // measured: this run died of OutOfMemoryError with 6.9 GB in use
        assertThat(need.totalBytes()).isBetween(5 * GB, 9 * GB);
    }

    @Test
    void theMessageSaysWhatIsNeededWhatIsAvailableAndWhatFits() {
        TrainingSettings tooLarge = TrainingSettings.fast().withHidden(512).withBatchSize(10_000);

        MemoryBudget.Problem problem = TWO_GB.check(tooLarge).orElseThrow();

        assertThat(problem.message()).contains("hidden size 512 with batch size 10,000", "needs about", "GB Java heap",
                "this Java process can give a run 1.4 GB heap and 2.0 GB native", "-Xmx");
        assertThat(problem.largestBatchSize()).isBetween(100, 9_999);
        assertThat(TWO_GB.check(tooLarge.withBatchSize(problem.largestBatchSize()))).isEmpty();
        assertThat(TWO_GB.check(tooLarge.withBatchSize(problem.largestBatchSize() + 1))).isPresent();
    }

    @Test
    void thePresetsFitInTheInstallersMemory() {
        assertThat(TWO_GB.check(TrainingSettings.fast())).isEmpty();
        assertThat(TWO_GB.check(TrainingSettings.tutorial())).isEmpty();
        assertThat(TWO_GB.check(TrainingSettings.tutorial().withHidden(512))).isEmpty();
    }

    @Test
    void whenNoBatchSizeFitsTheHiddenSizeMustShrink() {
        MemoryBudget tiny = new MemoryBudget(1 << 20, 1 << 20);
        MemoryBudget.Problem problem = tiny.check(TrainingSettings.fast().withHidden(512)).orElseThrow();
        assertThat(problem.largestBatchSize()).isZero();
        assertThat(problem.message()).contains("smaller hidden size");
    }

    @Test
    void aSweepNamesThePointThatCannotFit() {
        TrainingSettings base = TrainingSettings.fast().withTrainSize(1_000_000).withBatchSize(1_000_000)
                .withEvalSample(10_000);
        SweepPlan plan = new SweepPlan(base, SweepVariable.HIDDEN_SIZE, List.of(1, 512), 1);
        assertThat(plan.problems()).singleElement().asString().startsWith("at hidden size 512: ").contains("needs about");
    }

    @Test
    void aRunThatNoMachineCouldHoldIsRefusedBeforeAnythingIsAllocated() {
        TrainingSettings absurd = TrainingSettings.fast().withHidden(512).withTrainSize(1_000_000).withBatchSize(1_000_000)
                .withEvalSample(10_000);
        assertThatThrownBy(() -> new TrainingRun(absurd, new TrainingListener() { }))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("needs about");
    }
}
