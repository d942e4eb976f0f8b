package org.bitcountlab.ui.runs;

import java.util.List;
import java.util.OptionalLong;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.bitcountlab.core.sweep.ReadySweep;
import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepVariable;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.settings.SettingsViewModel;

/**
 * The sweep's fields as the user left them (a ready sweep or the settings panel's settings to start
 * from, the setting varied, its values, the seeds and the epochs) and the plan they describe, or
 * why they describe none.
 */
public final class SweepForm {

    private final SettingsViewModel settings;
    private final ObjectProperty<SweepBase> base = new SimpleObjectProperty<>(this, "base");
    private final ObjectProperty<SweepVariable> variable = new SimpleObjectProperty<>(this, "variable",
            SweepVariable.HIDDEN_SIZE);
    private final StringProperty valuesText = new SimpleStringProperty(this, "valuesText", "");
    private final StringProperty seedsText = new SimpleStringProperty(this, "seedsText", "");
    private final StringProperty epochsText = new SimpleStringProperty(this, "epochsText", "");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    SweepForm(SettingsViewModel settings) {
        this.settings = settings;
        base.addListener((obs, old, now) -> now.ready().ifPresent(this::fillFrom));
        base.set(SweepBase.of(ReadySweep.HIDDEN_FEW_STRINGS));
    }

    /** A ready sweep fills the fields with its plan; the fields stay editable. */
    private void fillFrom(ReadySweep ready) {
        SweepPlan plan = ready.plan();
        variable.set(plan.variable());
        valuesText.set(SweepValues.format(plan.values()));
        seedsText.set(LocaleNumbers.formatInteger(plan.seeds()));
        epochsText.set(LocaleNumbers.formatInteger(plan.base().epochs()));
    }

    /** Whether the settings to start from are there: a ready sweep's, or valid ones in the settings panel. */
    boolean hasBase() {
        return base.get().ready().isPresent() || settings.validProperty().get();
    }

    /** The plan the fields describe, or null with the reason set as the problem. */
    SweepPlan plan() {
        problem.set(null);
        TrainingSettings baseSettings = base.get().ready().map(ready -> ready.plan().base())
                .orElse(settings.settingsProperty().get());
        if (baseSettings == null) {
            return refuse(new Message("sweep.invalid.settings"));
        }
        List<Integer> values = SweepValues.parse(valuesText.get());
        int largest = variable.get() == SweepVariable.HIDDEN_SIZE ? TrainingSettings.MAX_HIDDEN
                : (1 << baseSettings.length()) - 1;
        if (values.isEmpty() || values.stream().anyMatch(v -> v < 1 || v > largest)) {
            return refuse(new Message("sweep.invalid.values", variableName(variable.get()), largest));
        }
        OptionalLong seeds = LocaleNumbers.parseInteger(seedsText.get());
        if (seeds.isEmpty() || seeds.getAsLong() < 1 || seeds.getAsLong() > SweepPlan.MAX_SEEDS) {
            return refuse(new Message("sweep.invalid.seeds", SweepPlan.MAX_SEEDS));
        }
        OptionalLong epochs = LocaleNumbers.parseInteger(epochsText.get());
        if (epochs.isEmpty() || epochs.getAsLong() < TrainingSettings.MIN_EPOCHS
                || epochs.getAsLong() > TrainingSettings.MAX_EPOCHS) {
            return refuse(new Message("sweep.invalid.epochs", TrainingSettings.MAX_EPOCHS));
        }
        SweepPlan plan = new SweepPlan(baseSettings.withEpochs((int) epochs.getAsLong()), variable.get(), values,
                (int) seeds.getAsLong());
        List<String> problems = plan.problems();
        // what the checks above cannot know (a batch larger than a training set, too many values) comes from core
        return problems.isEmpty() ? plan : refuse(new Message("sweep.invalid.plan", String.join("; ", problems)));
    }

    private SweepPlan refuse(Message why) {
        problem.set(why);
        return null;
    }

    /** A sweep started from these fields failed: the reason shows where their problems do. */
    void failed(Message why) {
        problem.set(why);
    }

    static Message variableName(SweepVariable variable) {
        return new Message("sweep.vary." + variable.id());
    }

    /** A ready sweep, or custom: the settings panel's settings. */
    public ObjectProperty<SweepBase> baseProperty() {
        return base;
    }

    public ObjectProperty<SweepVariable> variableProperty() {
        return variable;
    }

    /** The values of the varied setting, separated by commas, semicolons or spaces. */
    public StringProperty valuesTextProperty() {
        return valuesText;
    }

    public StringProperty seedsTextProperty() {
        return seedsText;
    }

    public StringProperty epochsTextProperty() {
        return epochsText;
    }

    /** Why the sweep cannot start or failed, or null. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
