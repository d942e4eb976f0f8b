package org.bitcountlab.ui.failures;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.bitcountlab.core.training.LengthGeneralisation;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.FailureAnalysis;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.state.ModelNames;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskExecutor;

/** Where the model shown fails: by true count, as a confusion matrix, and on other lengths. */
public final class FailuresViewModel {

    static final int SHORTEST = 10;
    static final int LONGEST = 30;
    static final int SAMPLES = 5000;

    private final CurrentModel models;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final ObjectBinding<Message> measuredOn;
    private final ReadOnlyObjectWrapper<LengthGeneralisation.Result> lengths = new ReadOnlyObjectWrapper<>(this, "lengths");
    private final ReadOnlyBooleanWrapper measuringLengths = new ReadOnlyBooleanWrapper(this, "measuringLengths", false);
    private LabModel lengthsMeasuredOn;

    public FailuresViewModel(CurrentModel models, TaskExecutor tasks, StatusLine status) {
        this.models = models;
        this.tasks = tasks;
        this.status = status;
        measuredOn = Bindings.createObjectBinding(() -> {
            FailureAnalysis analysis = models.failuresProperty().get();
            if (analysis == null) {
                return null;
            }
            return new Message("failures.measuredOn", ModelNames.of(analysis.model()),
                    new Message(analysis.allTestStrings() ? "failures.allTest" : "failures.heldOut",
                            analysis.evaluation().strings()));
        }, models.failuresProperty());
        models.modelProperty().addListener((obs, old, now) -> {
            if (lengthsMeasuredOn != null && !lengthsMeasuredOn.sameModelAs(now)) {
                lengths.set(null); // measured on another model
                lengthsMeasuredOn = null;
            }
        });
    }

    /** Counts random strings of other lengths with the model shown, in the background. */
    public void tryOtherLengths() {
        LabModel model = models.get();
        if (model == null || measuringLengths.get()) {
            return;
        }
        measuringLengths.set(true);
        Message what = new Message("task.lengths");
        tasks.submit(what, job -> LengthGeneralisation.evaluate(model.model().parameters(), model.silenced(), SHORTEST, LONGEST, SAMPLES, 1),
                result -> {
                    measuringLengths.set(false);
                    if (models.isCurrent(model)) {
                        lengthsMeasuredOn = model;
                        lengths.set(result);
                    }
                },
                error -> {
                    measuringLengths.set(false);
                    status.showFailure(what, error);
                });
    }

    public ReadOnlyObjectProperty<FailureAnalysis> failuresProperty() {
        return models.failuresProperty();
    }

    /** "50,000 held-out strings" or "all 1,038,576 test strings", or null before an analysis. */
    public ObjectBinding<Message> measuredOnProperty() {
        return measuredOn;
    }

    /** The name of the model the lengths were measured on, or null while none were. */
    public Message lengthsModel() {
        return lengthsMeasuredOn == null ? null : ModelNames.of(lengthsMeasuredOn);
    }

    public ReadOnlyObjectProperty<LengthGeneralisation.Result> lengthsProperty() {
        return lengths.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty measuringLengthsProperty() {
        return measuringLengths.getReadOnlyProperty();
    }
}
