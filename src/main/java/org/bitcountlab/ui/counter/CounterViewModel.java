package org.bitcountlab.ui.counter;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.inspect.UnitScatter;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.FailureAnalysis;
import org.bitcountlab.ui.state.ModelNames;
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
    private final TaskExecutor tasks;
    private final ModelReadout readout;
    private final StatusLine status;
    private final ObjectProperty<Integer> chosenUnit = new SimpleObjectProperty<>(this, "chosenUnit", 0);
    private final ReadOnlyObjectWrapper<UnitScatter> scatter = new ReadOnlyObjectWrapper<>(this, "scatter");
    private long scattering; // the newest scatter asked for; older ones are dropped
    private final ObjectBinding<Message> summary;
    private final ObjectBinding<Message> ablatedError;
    private final ObjectBinding<SilencedUnits> silenced;

    public CounterViewModel(ModelReadout readout, CurrentModel models, TaskExecutor tasks,
            StatusLine status) {
        this.status = status;
        this.readout = readout;
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
        // the read-out is of the trained network's units, all of them: which to silence is chosen from it
        summary = Bindings.createObjectBinding(() -> {
            CountReadout fitted = readout.readoutProperty().get();
            boolean silencing = models.get() != null && !models.get().silenced().isEmpty();
            return fitted == null ? new Message("counter.fitting")
                    : new Message(silencing ? "counter.summary.allUnits" : "counter.summary", fitted.units().size(),
                            fitted.rSquaredAtLastStep());
        }, readout.readoutProperty(), models.modelProperty());
        silenced = Bindings.createObjectBinding(
                () -> models.get() == null ? SilencedUnits.none() : models.get().silenced(), models.modelProperty());
        // the held-out analysis of the model shown, silenced units included: the one Where it fails shows
        ablatedError = Bindings.createObjectBinding(() -> {
            FailureAnalysis analysis = models.failuresProperty().get();
            if (analysis == null) {
                return null;
            }
            double error = analysis.evaluation().errorPercent();
            long strings = analysis.evaluation().strings();
            return analysis.model().silenced().isEmpty() ? new Message("counter.error.all", error, strings)
                    : new Message("counter.error.silenced", error, ModelNames.silencedList(analysis.model()), strings);
        }, models.failuresProperty());
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

    /** The error of the model shown, with the units silenced now; null while it is measured. */
    public ObjectBinding<Message> ablatedErrorProperty() {
        return ablatedError;
    }

    public ObjectBinding<SilencedUnits> silencedProperty() {
        return silenced;
    }

    public void toggleSilenced(int unit) {
        models.silence(silenced.get().toggled(unit));
    }

    public void restoreAllUnits() {
        models.silence(SilencedUnits.none());
    }
}
