package org.bitcountlab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.LengthGeneralisation;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.state.FailureAnalysis;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the model describes the model the bit editor names, silenced units included:
 * silence units 1 and 6 and the held-out error, Where it fails, Evaluate all and other lengths are
 * all the silenced model's; the curve and the counter's read-out, which are the run's, say so.
 */
class OneModelPerFigureTest {

    private static final SilencedUnits ONE_AND_SIX = SilencedUnits.of(0, 5);

    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final Lab lab = new Lab(tasks);
    private final ViewModels viewModels = new ViewModels(lab);
    private Locale display;
    private LabModel pretrained;
    private int[] heldOut;

    @BeforeEach
    void showThePretrainedModel() {
        display = Locale.getDefault(Locale.Category.DISPLAY);
        Messages.setLanguage(Locale.ENGLISH);
        lab.loadPretrained();
        tasks.runAll();
        pretrained = lab.models().get();
        TrainingSettings settings = pretrained.model().settings();
        heldOut = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed())
                .heldOutSample(settings.evalSample());
    }

    @AfterEach
    void restoreTheLanguage() {
        Messages.setLanguage(display);
    }

    @Test
    void silencedUnitsAreInEveryFigureOfTheModelShown() {
        double silencedError = Evaluator.evaluate(pretrained.model().parameters(), ONE_AND_SIX, heldOut).errorPercent();
        double intactError = Evaluator.evaluate(pretrained.model().parameters(), heldOut).errorPercent();
        assertThat(silencedError).isGreaterThan(intactError + 10);

        viewModels.counter().toggleSilenced(0);
        viewModels.counter().toggleSilenced(5);
        tasks.runAll();

        FailureAnalysis failures = lab.models().failuresProperty().get();
        assertThat(failures.model().silenced()).isEqualTo(ONE_AND_SIX);
        assertThat(failures.evaluation().errorPercent()).isEqualTo(silencedError);
        assertThat(viewModels.counter().ablatedErrorProperty().get().text()).contains("units 1, 6 silenced")
                .contains(String.format(Locale.US, "%.2f%%", silencedError));
        assertThat(viewModels.failures().measuredOnProperty().get().text())
                .isEqualTo("the pretrained model with units 1, 6 silenced, 50,000 held-out strings");
        assertThat(viewModels.bits().modelDescriptionProperty().get().text()).contains("units 1, 6 silenced")
                .doesNotContain("0.32%");
        assertThat(viewModels.curve().errorTitleProperty().get().text()).endsWith("all units");
        assertThat(viewModels.curve().silencedNoteProperty().get().text()).contains("units 1, 6 silenced");

        viewModels.training().evaluateAll();
        tasks.runAll();
        LabModel shown = lab.models().get();
        assertThat(shown.testError()).isGreaterThan(10);
        assertThat(shown.model().testError()).as("the intact network's figure stays its own")
                .isEqualTo(pretrained.model().testError());
        assertThat(lab.status().messageProperty().get().text()).contains("units 1, 6 silenced");
        assertThat(lab.models().failuresProperty().get().allTestStrings()).isTrue();

        viewModels.failures().tryOtherLengths();
        tasks.runAll();
        LengthGeneralisation.Result lengths = viewModels.failures().lengthsProperty().get();
        assertThat(lengths.errorPercent()).containsExactly(LengthGeneralisation.evaluate(
                pretrained.model().parameters(), ONE_AND_SIX, 1, 30, 5000, 1).errorPercent());
        assertThat(viewModels.failures().shownLengths().name().text()).contains("units 1, 6 silenced");

        viewModels.counter().restoreAllUnits();
        assertThat(viewModels.failures().lengthsProperty().get()).as("measured on the silenced model").isNull();
        tasks.runAll();
        assertThat(lab.models().failuresProperty().get().evaluation().errorPercent()).isEqualTo(intactError);
        assertThat(lab.models().get().testError()).isEqualTo(pretrained.model().testError());
        assertThat(viewModels.bits().modelDescriptionProperty().get().text()).doesNotContain("silenced");
    }

    @Test
    void onlyTheLastOfQuickTogglesIsMeasured() {
        for (int unit = 0; unit < 6; unit++) {
            viewModels.counter().toggleSilenced(unit);
        }
        int waiting = tasks.waiting();
        tasks.runAll();
        assertThat(tasks.failed()).isEmpty();
        assertThat(lab.models().failuresProperty().get().model().silenced()).isEqualTo(SilencedUnits.of(0, 1, 2, 3, 4, 5));
        assertThat(waiting).as("superseded measurements were cancelled before they ran").isEqualTo(1);
    }

    @Test
    void aRefusedFigureNeverLandsOnAnotherSilencing() {
        viewModels.counter().toggleSilenced(0);
        viewModels.training().evaluateAll(); // of the model with unit 1 silenced
        viewModels.counter().toggleSilenced(5); // the class moves on before it ends
        tasks.runAll();
        assertThat(lab.models().get().testError()).isNull();
        assertThat(lab.models().failuresProperty().get().allTestStrings()).isFalse();
        assertThat(lab.models().failuresProperty().get().model().silenced()).isEqualTo(ONE_AND_SIX);
    }

    @Test
    void theNextEpochOfARunKeepsItsSilencedUnits() {
        viewModels.counter().toggleSilenced(5);
        LabModel shown = lab.models().get();
        lab.models().show(new LabModel(shown.id(), LabModel.Origin.TRAINED, "", shown.model().withTestError(null)));
        assertThat(lab.models().get().silenced()).isEqualTo(SilencedUnits.of(5));
        assertThat(viewModels.bits().modelDescriptionProperty().get().text()).as("one unit, singular")
                .contains("; unit 6 silenced");
        lab.models().show(lab.models().create(LabModel.Origin.OPENED, "other.bitcount.zip", shown.model()));
        assertThat(lab.models().get().silenced().isEmpty()).as("a new model starts whole").isTrue();
    }
}
