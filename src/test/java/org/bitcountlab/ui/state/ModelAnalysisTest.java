package org.bitcountlab.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A measurement lands only on the model it measured: the window's figures never describe a model
 * other than the one shown, however the user hurries. Each race is replayed step by step.
 */
class ModelAnalysisTest {

    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final Lab lab = new Lab(tasks);
    private LabModel pretrained;
    private TrainedModel unmeasured;

    @BeforeEach
    void showThePretrainedModel() {
        lab.loadPretrained();
        tasks.runAll();
        pretrained = lab.models().get();
        unmeasured = pretrained.model().withTestError(null);
    }

    @Test
    void aFullEvaluationThatEndsAfterResetIsDropped() {
        lab.run().showOpened(unmeasured, "opened.bitcount.zip");
        tasks.runAll();
        lab.analysis().evaluateAll();
        lab.run().reset();
        tasks.runAll();

        LabModel shown = lab.models().get();
        assertThat(shown.origin()).isEqualTo(LabModel.Origin.PRETRAINED);
        assertThat(shown.model().testError()).isEqualTo(pretrained.model().testError());
        assertThat(lab.models().failuresProperty().get().model().sameWeightsAs(shown)).isTrue();
        assertThat(lab.models().failuresProperty().get().allTestStrings()).isFalse();
        assertThat(lab.analysis().evaluatingProperty().get()).isFalse();
    }

    @Test
    void aFullEvaluationLandsOnTheModelItMeasured() {
        lab.run().showOpened(unmeasured, "opened.bitcount.zip");
        tasks.runAll();
        lab.analysis().evaluateAll();
        tasks.runAll();

        assertThat(lab.models().get().model().testError()).isCloseTo(pretrained.model().testError(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(lab.models().failuresProperty().get().allTestStrings()).isTrue();
        assertThat(lab.status().messageProperty().get().key()).isEqualTo("status.evaluated");
    }

    /**
     * A held-out analysis whose result is still on its way when a run replaces the model it
     * measured: cancelling it comes too late, so only the check on delivery keeps its figures from
     * being shown beside another model.
     */
    @Test
    void aHeldOutAnalysisDeliveredAfterTheModelChangedIsDropped() {
        lab.models().silence(org.bitcountlab.core.model.SilencedUnits.of(new int[] {2}));
        Runnable deliver = tasks.runNextHoldingItsDeliveries(); // the silenced model's analysis, on its way

        lab.run().start(org.bitcountlab.core.training.TrainingSettings.fast().withHidden(4).withEpochs(1), 0,
                result -> { });
        tasks.runNext(); // the run, to its end
        deliver.run();

        assertThat(lab.models().get().origin()).isEqualTo(LabModel.Origin.TRAINED);
        assertThat(lab.models().failuresProperty().get())
                .as("no figures until the trained model's: not the silenced pretrained model's, delivered late").isNull();
        tasks.runAll();
        assertThat(lab.models().failuresProperty().get().model().sameWeightsAs(lab.models().get())).isTrue();
    }
}
