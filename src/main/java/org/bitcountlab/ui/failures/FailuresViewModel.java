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

    /**
     * Errors by length measured on a model.
     *
     * @param model   its name
     * @param lengths the lengths it trained on, "20" or "1-20"
     */
    public record MeasuredLengths(LengthGeneralisation.Result result, Message model, String lengths) {

        /** "the network you trained (on 1-20 bits)". */
        public Message name() {
            return new Message("lengths.series", model, lengths);
        }
    }

    static final int SHORTEST = 1;
    static final int LONGEST = 30;
    static final int SAMPLES = 5000;

    private final CurrentModel models;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final ObjectBinding<Message> measuredOn;
    private final ReadOnlyObjectWrapper<LengthGeneralisation.Result> lengths = new ReadOnlyObjectWrapper<>(this, "lengths");
    private final ReadOnlyObjectWrapper<MeasuredLengths> earlier = new ReadOnlyObjectWrapper<>(this, "earlier");
    // the last measurement and its model, kept when another model is shown: the next one's comparison
    private MeasuredLengths last;
    private LabModel lastModel;
    private final ReadOnlyBooleanWrapper measuringLengths = new ReadOnlyBooleanWrapper(this, "measuringLengths", false);

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
            if (lengths.get() != null && !lastModel.sameModelAs(now)) {
                lengths.set(null); // measured on another model
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
                        // the last other model measured stays beside it: a one-length network against one
                        // trained on every length
                        if (last != null && !lastModel.sameModelAs(model)) {
                            earlier.set(last);
                        }
                        lastModel = model;
                        last = new MeasuredLengths(result, ModelNames.of(model), model.model().settings().lengths());
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

    public ReadOnlyObjectProperty<LengthGeneralisation.Result> lengthsProperty() {
        return lengths.getReadOnlyProperty();
    }

    /**
     * The same measurement of the model measured before this one, shown beside it; null before there
     * is one. It changes only just before {@link #lengthsProperty()} does.
     */
    public ReadOnlyObjectProperty<MeasuredLengths> earlierProperty() {
        return earlier.getReadOnlyProperty();
    }

    /** The errors by length of the model shown, with its name; null while it was not measured. */
    public MeasuredLengths shownLengths() {
        return lengths.get() == null ? null : last;
    }

    public ReadOnlyBooleanProperty measuringLengthsProperty() {
        return measuringLengths.getReadOnlyProperty();
    }
}
