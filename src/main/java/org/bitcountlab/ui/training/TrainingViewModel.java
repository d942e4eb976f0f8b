package org.bitcountlab.ui.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;

import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.ModelAnalysis;
import org.bitcountlab.ui.state.StatusLine;

/** Train, pause, step, stop, reset and evaluate: the commands, when each is possible, and the progress. */
public final class TrainingViewModel {

    private final CurrentRun run;
    private final ModelAnalysis analysis;
    private final SettingsViewModel settings;
    private final StatusLine status;
    private final BooleanBinding canTrain;
    private final BooleanBinding canEvaluate;
    private final ObjectBinding<Message> progressText;
    private final ObjectBinding<Message> timeLeft;

    public TrainingViewModel(CurrentRun run, ModelAnalysis analysis, SettingsViewModel settings, CurrentModel models,
            StatusLine status) {
        this.run = run;
        this.analysis = analysis;
        this.settings = settings;
        this.status = status;
        canTrain = settings.validProperty().and(run.runningProperty().not()).and(run.sweepingProperty().not());
        canEvaluate = Bindings.createBooleanBinding(() -> models.get() != null && !models.get().isTraining()
                && !analysis.evaluatingProperty().get(), models.modelProperty(), analysis.evaluatingProperty());
        progressText = Bindings.createObjectBinding(() -> {
            TrainingSettings shown = run.settingsProperty().get();
            int total = shown != null ? shown.epochs() : settings.settingsOrPreset().epochs();
            return new Message("progress.epochs", run.curve().size(), total);
        }, run.settingsProperty(), run.curve(), settings.settingsProperty());
        timeLeft = Bindings.createObjectBinding(() -> Message.timeLeft(run.secondsLeftProperty().get()),
                run.secondsLeftProperty());
    }

    public void train() {
        if (canTrain.get()) {
            run.start(settings.settingsProperty().get(), 0, result -> { });
        } else if (!run.runningProperty().get() && !run.sweepingProperty().get()) {
            status.show("status.fixSettings"); // a shortcut from across the room: say why nothing starts
        }
    }

    public void togglePause() {
        run.togglePause();
    }

    /** Trains one epoch, then pauses; starts a run first when none is going. */
    public void step() {
        if (!run.step()) {
            train(); // a new run, or the reason there cannot be one
            run.step();
        }
    }

    public void stop() {
        run.stop();
        analysis.cancelFullEvaluation();
    }

    public void reset() {
        run.reset();
    }

    public void evaluateAll() {
        analysis.evaluateAll();
    }

    public BooleanBinding canTrainProperty() {
        return canTrain;
    }

    public BooleanBinding runningProperty() {
        return run.runningProperty();
    }

    public BooleanBinding pausedProperty() {
        return run.stateProperty().isEqualTo(CurrentRun.State.PAUSED);
    }

    public BooleanBinding canStepProperty() {
        return canTrain.or(run.runningProperty());
    }

    public BooleanBinding canEvaluateProperty() {
        return canEvaluate;
    }

    public ReadOnlyBooleanProperty evaluatingProperty() {
        return analysis.evaluatingProperty();
    }

    public ReadOnlyDoubleProperty evaluationProgressProperty() {
        return analysis.progressProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** "Epoch 3 / 25". */
    public ObjectBinding<Message> progressTextProperty() {
        return progressText;
    }

    /** "about 12 s left", or null while unknown. */
    public ObjectBinding<Message> timeLeftProperty() {
        return timeLeft;
    }
}
