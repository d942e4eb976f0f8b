package org.bitcountlab.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One run, one truth: what a run or its analysis delivers lands only on the run or model it
 * belongs to, however the user hurries. Each race is replayed step by step, at every moment the
 * user's click can fall: before the old work ran, and while its results are on their way.
 */
class RunIntegrityTest {

    private static final TrainingSettings OLD_RUN = TrainingSettings.fast().withTrainSize(300).withBatchSize(50)
            .withEpochs(3).withEvalSample(1_000);
    private static final TrainingSettings NEW_RUN = TrainingSettings.fast().withTrainSize(200).withBatchSize(100)
            .withEpochs(2).withSeed(7).withEvalSample(1_000);

    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final Lab lab = new Lab(tasks);

    @BeforeEach
    void showThePretrainedModel() {
        lab.loadPretrained();
        tasks.runAll();
    }

    @Test
    void resetThenTrainBeforeTheOldRunStartedShowsOnlyTheNewRun() {
        AtomicReference<RunResult> oldResult = new AtomicReference<>();
        lab.run().start(OLD_RUN, 0, oldResult::set);
        AtomicReference<RunResult> own = resetAndTrainAgain();
        tasks.runAll();
        tasks.tick();

        assertOnlyTheNewRun(own.get());
        assertThat(oldResult.get()).as("the old run's callback").isNull();
    }

    @Test
    void resetThenTrainWhileTheOldRunsEpochsAndResultAreOnTheirWayShowsOnlyTheNewRun() {
        AtomicReference<RunResult> oldResult = new AtomicReference<>();
        lab.run().start(OLD_RUN, 0, oldResult::set);
        Runnable oldDeliveries = tasks.runNextHoldingItsDeliveries(); // trained, not yet shown
        AtomicReference<RunResult> own = resetAndTrainAgain();
        oldDeliveries.run();
        tasks.runAll();
        tasks.tick();

        assertOnlyTheNewRun(own.get());
        assertThat(oldResult.get()).as("the old run's callback").isNull();
    }

    @Test
    void theHeldOutAnalysisOfARunNeverLandsAfterReset() {
        AtomicReference<RunResult> result = new AtomicReference<>();
        lab.run().start(NEW_RUN, 0, result::set);
        tasks.runNext(); // the run ends and sends its held-out analysis off
        assertThat(result.get()).isNotNull();
        Runnable analysis = tasks.runNextHoldingItsDeliveries();
        lab.run().reset();
        tasks.runAll(); // the pretrained model's analysis lands first,
        analysis.run(); // the trained one's last

        LabModel shown = lab.models().get();
        assertThat(shown.origin()).isEqualTo(LabModel.Origin.PRETRAINED);
        FailureAnalysis failures = lab.models().failuresProperty().get();
        assertThat(failures.model().origin()).isEqualTo(LabModel.Origin.PRETRAINED);
        assertThat(failures.model().sameWeightsAs(shown)).isTrue();
    }

    private AtomicReference<RunResult> resetAndTrainAgain() {
        AtomicReference<RunResult> own = new AtomicReference<>();
        lab.run().reset();
        lab.run().start(NEW_RUN, 0, own::set);
        return own;
    }

    private void assertOnlyTheNewRun(RunResult own) {
        assertThat(own).isNotNull();
        List<EpochResult> curve = own.curve();
        assertThat(curve).extracting(EpochResult::epoch).containsExactly(1, 2);
        assertThat(lab.run().curve()).containsExactlyElementsOf(curve);
        assertThat(lab.run().settingsProperty().get()).isEqualTo(NEW_RUN);
        LabModel shown = lab.models().get();
        assertThat(shown.model().settings()).isEqualTo(NEW_RUN);
        assertThat(shown.model().parameters()).isSameAs(own.parameters());
        assertThat(lab.history().runs()).last().satisfies(run -> assertThat(run.curve()).isEqualTo(curve));
        assertThat(lab.history().runs()).allSatisfy(run -> assertThat(run.settings()).isEqualTo(NEW_RUN));
    }
}
