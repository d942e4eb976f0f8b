package org.bitcountlab.ui.counter;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.inspect.UnitScatter;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.CurrentString;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.state.ModelReadout;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * Where the counter lives: how well a straight line through the units' state reads the count so
 * far, which units carry it, one unit's state against the count, and what the model does with
 * some units silenced (the softmax follows at once; the held-out error a moment later).
 */
public final class CounterViewModel {

    private final CurrentModel models;
    private final CurrentString string;
    private final TaskExecutor tasks;
    private final ModelReadout readout;
    private final StatusLine status;
    private final ObjectProperty<Integer> chosenUnit = new SimpleObjectProperty<>(this, "chosenUnit", 0);
    private final ReadOnlyObjectWrapper<UnitScatter> scatter = new ReadOnlyObjectWrapper<>(this, "scatter");
    private long scattering; // the newest scatter asked for; older ones are dropped
    private final ObjectBinding<Message> summary;
    private final ReadOnlyObjectWrapper<Message> ablatedError = new ReadOnlyObjectWrapper<>(this, "ablatedError");
    private long measuring; // the newest measurement asked for; older ones are dropped

    public CounterViewModel(ModelReadout readout, CurrentString string, CurrentModel models, TaskExecutor tasks,
            StatusLine status) {
        this.status = status;
        this.readout = readout;
        this.string = string;
        this.models = models;
        this.tasks = tasks;
        readout.readoutProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chosenUnit.set(now.countingUnits().get(0).unit()); // start with the strongest counter
            }
        });
        readout.readoutProperty().addListener((obs, old, now) -> computeScatter());
        chosenUnit.addListener((obs, old, now) -> computeScatter());
        computeScatter();
        summary = Bindings.createObjectBinding(() -> {
            CountReadout fitted = readout.readoutProperty().get();
            return fitted == null ? new Message("counter.fitting")
                    : new Message("counter.summary", fitted.units().size(), fitted.rSquaredAtLastStep());
        }, readout.readoutProperty());
        string.silencedProperty().addListener((obs, old, now) -> measureAblation());
        models.modelProperty().addListener((obs, old, now) -> measureAblation());
        measureAblation();
    }

    /** The chosen unit's state after every prefix: 20,000 steps of the cell, so in the background. */
    private void computeScatter() {
        CountReadout fitted = readout.readoutProperty().get();
        Integer unit = chosenUnit.get();
        long request = ++scattering;
        if (fitted == null || unit == null || unit >= fitted.units().size()) {
            scatter.set(null);
            return;
        }
        Message what = new Message("task.scatter");
        tasks.submit(what, job -> fitted.scatter(unit), computed -> {
            if (request == scattering) {
                scatter.set(computed);
            }
        }, failure -> {
            if (request == scattering) {
                scatter.set(null);
                status.showFailure(what, failure);
            }
        });
    }

    /** The held-out error of the model shown with the silenced units, measured in the background. */
    private void measureAblation() {
        LabModel model = models.get();
        SilencedUnits silenced = string.silencedProperty().get();
        long request = ++measuring;
        if (model == null || model.isTraining()) {
            ablatedError.set(null);
            return;
        }
        TrainingSettings settings = model.model().settings();
        Message what = new Message("task.silenced");
        tasks.submit(what, job -> Evaluator.evaluate(model.model().parameters(), silenced,
                        BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed())
                                .heldOutSample(settings.evalSample())).errorPercent(),
                error -> {
                    if (request == measuring) {
                        ablatedError.set(new Message(silenced.isEmpty() ? "counter.error.all" : "counter.error.silenced",
                                error, silenced.count()));
                    }
                },
                failure -> {
                    if (request == measuring) {
                        ablatedError.set(null);
                        status.showFailure(what, failure);
                    }
                });
    }

    public ReadOnlyObjectProperty<CountReadout> readoutProperty() {
        return readout.readoutProperty();
    }

    /** The unit whose state the scatter plot shows, 0-based. */
    public ObjectProperty<Integer> chosenUnitProperty() {
        return chosenUnit;
    }

    public ReadOnlyObjectProperty<UnitScatter> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }

    /** "A straight line through the 24 units reads the count with R^2 = 0.97 after the last bit." */
    public ObjectBinding<Message> summaryProperty() {
        return summary;
    }

    /** The held-out error with the units silenced now; null while it is measured. */
    public ReadOnlyObjectProperty<Message> ablatedErrorProperty() {
        return ablatedError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SilencedUnits> silencedProperty() {
        return string.silencedProperty();
    }

    public void toggleSilenced(int unit) {
        string.toggleSilenced(unit);
    }

    public void restoreAllUnits() {
        string.restoreAllUnits();
    }
}
