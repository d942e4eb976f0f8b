package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.stage.Stage;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.state.FailureAnalysis;
import org.bitcountlab.ui.state.LabModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * One run, one truth: what a run, an evaluation or an analysis delivers lands only on the run or
 * model it belongs to, however the user hurries. Each race is repeated many times.
 */
class RunIntegrityTest extends MainWindowFixture {

    private static final TrainingSettings OLD_RUN = TrainingSettings.fast().withTrainSize(500).withBatchSize(50)
            .withEpochs(100_000).withEvalSample(2_000);
    private static final TrainingSettings NEW_RUN = TrainingSettings.fast().withTrainSize(200).withBatchSize(100)
            .withEpochs(2).withSeed(7).withEvalSample(1_000);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void resetThenTrainWithinOneMinibatchShowsOnlyTheNewRun(FxRobot robot) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            robot.interact(() -> lab.run().start(OLD_RUN, 0, result -> { }));
            // the old run is mid-epoch: its minibatch, its end-of-epoch evaluation and its result all come late
            waitFor(60, () -> !lab.run().curve().isEmpty() || lab.models().get().isTraining());
            AtomicReference<RunResult> ownResult = new AtomicReference<>();
            robot.interact(() -> {
                lab.run().reset();
                lab.run().start(NEW_RUN, 0, ownResult::set);
            });
            waitForRunToEnd();

            List<EpochResult> own = ownResult.get().curve();
            assertThat(own).as("attempt %d", attempt).extracting(EpochResult::epoch).containsExactly(1, 2);
            assertThat(lab.run().curve()).as("attempt %d", attempt).containsExactlyElementsOf(own);
            assertThat(lab.run().settingsProperty().get()).isEqualTo(NEW_RUN);
            LabModel shown = lab.models().get();
            assertThat(shown.model().settings()).isEqualTo(NEW_RUN);
            assertThat(shown.model().parameters()).isSameAs(ownResult.get().parameters());
            assertThat(lab.history().runs()).last().satisfies(run -> assertThat(run.curve()).isEqualTo(own));
            assertThat(lab.history().runs()).allSatisfy(run -> assertThat(run.settings()).isEqualTo(NEW_RUN));
        }
    }

    @Test
    void evaluationsNeverLandOnAModelOtherThanTheOneTheyMeasured(FxRobot robot) throws Exception {
        Double pretrainedError = lab.models().get().model().testError();
        robot.interact(() -> lab.run().start(NEW_RUN, 0, result -> { }));
        waitForRunToEnd();
        LabModel trained = lab.models().get();

        for (int attempt = 0; attempt < 12; attempt++) {
            // Evaluate all (about a second) on the trained model, then back to the pretrained one at once
            robot.interact(() -> {
                lab.run().showOpened(trained.model(), "trained.bitcount.zip");
                lab.analysis().evaluateAll();
                lab.run().reset();
            });
            waitForIdle();
            LabModel shown = lab.models().get();
            assertThat(shown.origin()).isEqualTo(LabModel.Origin.PRETRAINED);
            assertThat(shown.model().testError()).as("attempt %d", attempt).isEqualTo(pretrainedError);
            FailureAnalysis failures = lab.models().failuresProperty().get();
            assertThat(failures.model().sameWeightsAs(shown)).isTrue();
            assertThat(failures.allTestStrings()).isFalse();
        }

        // and without the hurry, the result lands where it belongs
        robot.interact(() -> {
            lab.run().showOpened(trained.model(), "trained.bitcount.zip");
            lab.analysis().evaluateAll();
        });
        waitForIdle();
        assertThat(lab.models().get().model().testError()).isNotNull();
        assertThat(lab.models().failuresProperty().get().allTestStrings()).isTrue();
    }

    @Test
    void theHeldOutAnalysisOfARunNeverLandsAfterReset(FxRobot robot) throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            AtomicReference<RunResult> result = new AtomicReference<>();
            // Reset the moment the run ends: its held-out analysis has just been sent off
            robot.interact(() -> lab.run().start(NEW_RUN, 0, ended -> {
                result.set(ended);
                lab.run().reset();
            }));
            waitFor(60, () -> result.get() != null);
            waitForIdle();
            FailureAnalysis failures = lab.models().failuresProperty().get();
            assertThat(failures.model().origin()).as("attempt %d", attempt).isEqualTo(LabModel.Origin.PRETRAINED);
            assertThat(failures.model().sameWeightsAs(lab.models().get())).isTrue();
        }
    }
}
