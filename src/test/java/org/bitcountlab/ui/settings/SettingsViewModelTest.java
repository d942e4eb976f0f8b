package org.bitcountlab.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.beans.property.SimpleBooleanProperty;

import org.bitcountlab.core.training.Preset;
import org.bitcountlab.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The learning rate's schedule is a setting a class can see, and a long run says what it does. */
class SettingsViewModelTest {

    private Locale format;
    private Locale display;
    private SettingsViewModel settings;

    @BeforeEach
    void inEnglish() {
        format = Locale.getDefault(Locale.Category.FORMAT);
        display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        Messages.setLanguage(Locale.ENGLISH);
        settings = new SettingsViewModel();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, format);
        Messages.setLanguage(display);
    }

    @Test
    void everyPresetShowsItsDecay() {
        assertThat(settings.decay().textProperty().get()).isEqualTo("0.8");
        assertThat(settings.settingsProperty().get().learningRateDecay()).isEqualTo(0.8);
        settings.presetProperty().set(Preset.TUTORIAL);
        assertThat(settings.decay().textProperty().get()).isEqualTo("1");
        settings.decay().textProperty().set("0.9");
        assertThat(settings.presetProperty().get()).as("edited away from the preset").isNull();
        assertThat(settings.settingsProperty().get().learningRateDecay()).isEqualTo(0.9);
    }

    @Test
    void moreEpochsThanTheScheduleCanUseAreNamedWithADecayThatFits() {
        assertThat(settings.messageProperty().get()).as("the Fast preset's 20 epochs all count").isNull();
        settings.epochs().textProperty().set("200");
        assertThat(settings.messageProperty().get().text())
                .isEqualTo("The rate falls under a hundredth of its start after epoch 21: epochs 21–200 will barely"
                        + " change the network. For 200 epochs try a decay of 0.978.");
        settings.decay().textProperty().set("0.978");
        assertThat(settings.messageProperty().get()).isNull();
        settings.decay().textProperty().set("1");
        assertThat(settings.messageProperty().get()).as("a constant rate").isNull();
    }

    @Test
    void aDecayOutsideZeroToOneIsRefusedByName() {
        for (String bad : new String[] {"0", "1.5", "-0.1"}) {
            settings.decay().textProperty().set(bad);
            assertThat(settings.settingsProperty().get()).as(bad).isNull();
            assertThat(settings.messageProperty().get().text()).as(bad)
                    .isEqualTo("Rate decay must be greater than 0 and at most 1");
        }
        settings.decay().textProperty().set("x");
        assertThat(settings.messageProperty().get().text()).isEqualTo("Rate decay: enter a number, e.g. 0.01");
    }

    @Test
    void aFieldProblemComesBeforeTheScheduleNoteAndASweepBeforeBoth() {
        settings.epochs().textProperty().set("200");
        settings.hidden().textProperty().set("0");
        assertThat(settings.messageProperty().get().text()).isEqualTo("Hidden size must be between 1 and 512");
        SimpleBooleanProperty sweeping = new SimpleBooleanProperty(true);
        settings.notInUseWhile(sweeping);
        assertThat(settings.messageProperty().get().text()).startsWith("Not in use: the sweep trains");
        sweeping.set(false);
        assertThat(settings.messageProperty().get().text()).isEqualTo("Hidden size must be between 1 and 512");
    }
}
