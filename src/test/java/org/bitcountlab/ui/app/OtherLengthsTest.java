package org.bitcountlab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.ui.biteditor.BitEditorViewModel;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.failures.FailuresViewModel;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strings of other lengths in the window: the bit editor grows and shrinks the string, the
 * settings train on every length, and Try other lengths shows the model beside the one before.
 */
class OtherLengthsTest {

    private static final int EXAMPLE = 0b10011011101001101110;

    private final HeadlessLab headless = new HeadlessLab();
    private final QueuedTaskExecutor tasks = headless.tasks;
    private final Lab lab = headless.lab;
    private final ViewModels viewModels = headless.viewModels;

    @BeforeEach
    void inEnglish() {
        Messages.setLanguage(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        headless.close();
    }

    @Test
    void theBitEditorDropsAndAddsBitsAtTheEndAndTheAnswerIsForTheStringShown() {
        BitEditorViewModel bits = viewModels.bits();
        Predictor predictor = new Predictor(lab.models().get().model().parameters());
        assertThat(bits.tutorialAnswerProperty().get()).isNotNull();

        bits.shorter();

        assertThat(bits.lengthProperty().get()).isEqualTo(19);
        assertThat(bits.valueProperty().get()).isEqualTo(EXAMPLE >>> 1);
        assertThat(bits.lengthTextProperty().get().text()).isEqualTo("19 bits");
        Prediction shown = bits.predictionProperty().get();
        assertThat(shown.bits()).isEqualTo("1001101110100110111");
        assertThat(shown.probabilities()).isEqualTo(predictor.predict(EXAMPLE >>> 1, 19).probabilities());
        assertThat(bits.tutorialAnswerProperty().get()).as("not the tutorial's string at 19 bits").isNull();

        bits.longer();
        bits.longer();

        assertThat(bits.predictionProperty().get().bits()).isEqualTo("100110111010011011100");
        viewModels.bits().flip(20);
        assertThat(bits.predictionProperty().get().bits()).isEqualTo("100110111010011011101");

        for (int i = 0; i < 40; i++) {
            bits.shorter();
        }
        assertThat(bits.lengthProperty().get()).as("one bit at least").isEqualTo(1);
        assertThat(bits.predictionProperty().get().bits()).isEqualTo("1");
        for (int i = 0; i < 40; i++) {
            bits.longer();
        }
        assertThat(bits.lengthProperty().get()).as("30 bits at most").isEqualTo(30);

        bits.allOne();
        assertThat(bits.trueCountProperty().get().text()).isEqualTo("True count: 30");
        assertThat(bits.answerProperty().get().key()).as("30 ones: more than it has counts for")
                .isEqualTo("bits.predicted.beyond");
        assertThat(bits.answerIsRight()).isFalse();

        bits.tutorialExample();
        assertThat(bits.lengthProperty().get()).isEqualTo(20);
        assertThat(bits.valueProperty().get()).isEqualTo(EXAMPLE);
        assertThat(bits.tutorialAnswerProperty().get()).isNotNull();
        bits.randomise();
        assertThat(bits.valueProperty().get()).isBetween(0, (1 << 20) - 1);
    }

    @Test
    void trainingOnEveryLengthIsASettingThatPresetsTurnOff() {
        SettingsViewModel settings = viewModels.settings();
        assertThat(settings.settingsProperty().get().lengths()).isEqualTo("20");

        settings.everyLengthProperty().set(true);

        assertThat(settings.settingsProperty().get().lengths()).isEqualTo("1-20");
        assertThat(settings.presetProperty().get()).as("the Fast preset on every length is no preset").isNull();
        settings.presetProperty().set(org.bitcountlab.core.training.Preset.THOROUGH);
        assertThat(settings.everyLengthProperty().get()).isFalse();
        settings.presetProperty().set(org.bitcountlab.core.training.Preset.EVERY_LENGTH);
        assertThat(settings.everyLengthProperty().get()).isTrue();
        assertThat(settings.settingsProperty().get()).isEqualTo(org.bitcountlab.core.training.Preset.EVERY_LENGTH.settings());
        settings.presetProperty().set(org.bitcountlab.core.training.Preset.THOROUGH);
        assertThat(settings.everyLengthProperty().get()).isFalse();
        assertThat(settings.settingsProperty().get().lengths()).isEqualTo("20");
    }

    @Test
    void otherLengthsShowTheModelBesideTheOneMeasuredBefore() {
        FailuresViewModel failures = viewModels.failures();
        failures.tryOtherLengths();
        tasks.runAll();

        assertThat(failures.lengthsProperty().get().fromLength()).isEqualTo(1);
        assertThat(failures.lengthsProperty().get().toLength()).isEqualTo(30);
        assertThat(failures.shownLengths().name().text()).isEqualTo("the pretrained model (on 20 bits)");
        assertThat(failures.earlierProperty().get()).as("nothing measured before").isNull();

        failures.tryOtherLengths();
        tasks.runAll();
        assertThat(failures.earlierProperty().get()).as("the same model again is not a comparison").isNull();

        viewModels.counter().toggleSilenced(5);
        assertThat(failures.shownLengths()).as("measured on the model before units were silenced").isNull();
        failures.tryOtherLengths();
        tasks.runAll();

        FailuresViewModel.MeasuredLengths earlier = failures.earlierProperty().get();
        assertThat(earlier.name().text()).isEqualTo("the pretrained model (on 20 bits)");
        assertThat(failures.shownLengths().name().text()).contains("unit 6 silenced");
        assertThat(failures.lengthsProperty().get().errorPercent())
                .isNotEqualTo(earlier.result().errorPercent());
    }

    /** A measurement that ends after the model changed is of a model no longer shown: it is dropped. */
    @Test
    void lengthsMeasuredOnAModelNoLongerShownAreNotShown() {
        FailuresViewModel failures = viewModels.failures();
        failures.tryOtherLengths(); // queued, not yet run
        viewModels.counter().toggleSilenced(3);

        tasks.runAll();

        assertThat(failures.lengthsProperty().get()).isNull();
        assertThat(failures.shownLengths()).isNull();
        assertThat(failures.measuringLengthsProperty().get()).as("ready to measure the model shown").isFalse();
        failures.tryOtherLengths();
        tasks.runAll();
        assertThat(failures.shownLengths().name().text()).contains("unit 4 silenced");
        assertThat(failures.earlierProperty().get()).as("the dropped measurement is no comparison").isNull();
    }
}
