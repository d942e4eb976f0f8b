package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.Initialisation;
import org.bitcountlab.core.model.LossReduction;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    private final TrainingSettings valid = TrainingSettings.tutorial();

    @Test
    void thePresetsAreValid() {
        assertThat(TrainingSettings.tutorial().problems()).isEmpty();
        assertThat(TrainingSettings.fast().problems()).isEmpty();
        assertThat(TrainingSettings.thorough().problems()).isEmpty();
        assertThat(Preset.fromId("Thorough ").settings()).isEqualTo(TrainingSettings.thorough());
        assertThat(TrainingSettings.everyLengthPreset().problems()).isEmpty();
        assertThat(Preset.fromId("every-length").settings().lengths()).isEqualTo("1-20");
        assertThatThrownBy(() -> Preset.fromId("slow"))
                .hasMessage("unknown preset 'slow'; choose fast, thorough, every-length, tutorial");
        assertThat(valid).isEqualTo(new TrainingSettings(20, 24, 1000, 600, 0.001, 10_000, 1, 50_000, false, CellType.LSTM,
                Initialisation.TUTORIAL, LossReduction.SUM, 1));
    }

    @Test
    void trainingOnEveryLengthNamesItsRangeAndRefusesOneOutsideOneToTheLength() {
        TrainingSettings fast = TrainingSettings.fast();
        assertThat(fast.everyLength()).isFalse();
        assertThat(fast.lengths()).isEqualTo("20");
        assertThat(fast.withShortestLength(1).label()).isEqualTo("h=24 b=50 lr=0.02 decay=0.8 len=1-20");
        assertThat(fast.withShortestLength(1).withLength(12).lengths()).as("a range keeps its start").isEqualTo("1-12");
        assertThat(fast.withLength(12).lengths()).as("one length stays one length").isEqualTo("12");
        assertThat(fast.withShortestLength(0).problems()).containsExactly("shortest length must be between 1 and 20, got 0");
        assertThat(fast.withShortestLength(21).problems()).containsExactly("shortest length must be between 1 and 20, got 21");
        assertThat(fast.withShortestLength(5).withLength(4).problems())
                .contains("shortest length must be between 1 and 4, got 5");
    }

    @Test
    void theShortConstructorKeepsWhatRunsDidBeforeInitialisationLossAndDecayWereSettings() {
        TrainingSettings before = new TrainingSettings(20, 24, 50, 25, 0.01, 10_000, 1, 50_000, true);
        assertThat(before.initialisation()).isEqualTo(Initialisation.XAVIER);
        assertThat(before.lossReduction()).isEqualTo(LossReduction.MEAN);
        assertThat(before.learningRateDecay()).isEqualTo(1.0);
    }

    @Test
    void everyInvalidSettingIsNamedWithItsRange() {
        assertThat(valid.withHidden(0).problems()).containsExactly("hidden size must be between 1 and 512, got 0");
        assertThat(valid.withHidden(100_000).problems()).containsExactly("hidden size must be between 1 and 512, got 100,000");
        assertThat(valid.withEpochs(0).problems()).containsExactly("epochs must be between 1 and 100,000, got 0");
        assertThat(valid.withBatchSize(10_001).problems()).containsExactly("batch size must be between 1 and 10,000, got 10,001");
        assertThat(valid.withTrainSize(1 << 20).problems())
                .containsExactly("training-set size must be between 1 and 1,048,575, got 1,048,576");
        assertThat(valid.withLength(25).problems()).containsExactly("length must be between 2 and 24, got 25");
        assertThat(valid.withEvalSample(0).problems()).containsExactly("held-out sample must be between 1 and 1,038,576, got 0");
        assertThat(valid.withLearningRate(0).problems()).containsExactly("learning rate must be greater than 0 and at most 1.0, got 0.0");
        assertThat(valid.withLearningRate(1.5).problems()).hasSize(1);
        assertThat(valid.withLearningRate(Double.NaN).problems()).hasSize(1);
        assertThat(valid.withLearningRateDecay(0).problems())
                .containsExactly("learning-rate decay must be greater than 0 and at most 1, got 0.0");
        assertThat(valid.withLearningRateDecay(1.01).problems()).hasSize(1);
    }

    @Test
    void aRunRefusesInvalidSettings() {
        assertThatThrownBy(() -> new TrainingRun(valid.withHidden(0), new TrainingListener() { }))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("hidden size must be between 1 and 512");
    }

    @Test
    void theLabelNamesTheSettingsAStudentChanges() {
        assertThat(valid.label()).isEqualTo("h=24 b=1000 lr=0.001");
        assertThat(TrainingSettings.fast().label()).isEqualTo("h=24 b=50 lr=0.02 decay=0.8");
    }
}
