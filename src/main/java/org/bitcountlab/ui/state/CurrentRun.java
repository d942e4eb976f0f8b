package org.bitcountlab.ui.state;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.CountPrior;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.InvalidSettingsException;
import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * The run the window shows: its state, settings, learning curve, progress and time left. At most
 * one run is current; everything a run delivers arrives through its own {@link RunChannel} and is
 * read only while that run is current, so Reset forgets a run at once and for good.
 *
 * <p>A sweep trains its own runs, not through here, but it shares the one training core with the
 * run: while a sweep holds {@link #sweepingProperty()} no run starts, and Reset ends the sweep too.
 */
public final class CurrentRun {

    public enum State { IDLE, TRAINING, PAUSED, FINISHED }

    private final TaskExecutor tasks;
    private final CurrentModel models;
    private final RunHistory history;
    private final StatusLine status;
    private final Supplier<LabModel> restingModel;
    private final Runnable beforeTraining;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<TrainingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ObservableList<EpochResult> curve = FXCollections.observableArrayList();
    private final ObservableList<EpochResult> readOnlyCurve = FXCollections.unmodifiableObservableList(curve);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyDoubleWrapper secondsLeft = new ReadOnlyDoubleWrapper(this, "secondsLeft", -1);
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping", false);
    private final BooleanBinding running = Bindings.createBooleanBinding(
            () -> state.get() == State.TRAINING || state.get() == State.PAUSED, state);
    private final TaskExecutor.FrameTicker frames;
    private RunChannel channel;

    /**
     * @param restingModel   what the window shows when no run is: the pretrained model, or null
     * @param beforeTraining called as a run or a sweep takes the training core
     */
    public CurrentRun(TaskExecutor tasks, CurrentModel models, RunHistory history, StatusLine status,
            Supplier<LabModel> restingModel, Runnable beforeTraining) {
        this.beforeTraining = beforeTraining;
        this.tasks = tasks;
        this.models = models;
        this.history = history;
        this.status = status;
        this.restingModel = restingModel;
        this.frames = tasks.everyFrame(this::drain);
    }

    /**
     * Trains a fresh network in the background; {@code whenDone} gets the result on the FX thread
     * unless the run is reset away first. False if a run or a sweep is already going.
     */
    public boolean start(TrainingSettings newSettings, int sweep, Consumer<RunResult> whenDone) {
        if (running.get() || sweeping.get()) {
            return false;
        }
        RunChannel next;
        try {
            next = new RunChannel(models.newId(), newSettings, sweep, whenDone);
        } catch (InvalidSettingsException e) {
            status.show("status.cannotStart", e.getMessage());
            return false;
        }
        forget();
        beforeTraining.run();
        channel = next;
        settings.set(newSettings);
        state.set(State.TRAINING);
        status.show("status.loading");
        tasks.submit(new Message("task.training"), job -> next.run.run(), result -> finished(next, result), error -> failed(next, error));
        frames.start();
        return true;
    }

    public void togglePause() {
        if (state.get() == State.TRAINING) {
            channel.run.pause();
            showPaused();
        } else if (state.get() == State.PAUSED) {
            channel.resumedAt(System.nanoTime());
            channel.run.resume();
            state.set(State.TRAINING);
            showState();
        }
    }

    /** Trains to the end of the current epoch (or the next one, when paused), then pauses. */
    public boolean step() {
        if (!running.get()) {
            return false;
        }
        channel.pauseAfterThisEpoch();
        if (state.get() == State.PAUSED) {
            togglePause();
        }
        return true;
    }

    /** Ends the run before its next minibatch; it stays on screen with what it learned. */
    public void stop() {
        if (running.get()) {
            channel.run.cancel();
        }
    }

    /**
     * Claims the training core for a sweep: false while a run trains or another sweep holds it.
     * The sweep gives it back with {@link #endSweep()}; Reset and shutdown take it back.
     */
    public boolean beginSweep() {
        if (running.get() || sweeping.get()) {
            return false;
        }
        beforeTraining.run();
        sweeping.set(true);
        return true;
    }

    public void endSweep() {
        sweeping.set(false);
    }

    /** Forgets the run at once: curve, progress, model and selection, and ends a sweep; back to the resting model. */
    public void reset() {
        endSweep();
        forget();
        history.selected().clear();
        status.show("status.ready");
        models.show(restingModel.get());
    }

    /** Shows a model opened from a file as a finished run: its curve, its settings, its weights. */
    public void showOpened(TrainedModel opened, String name) {
        forget();
        settings.set(opened.settings());
        curve.setAll(opened.curve());
        progress.set(1);
        state.set(State.FINISHED);
        models.show(models.create(LabModel.Origin.OPENED, name, opened));
        status.show("status.loaded", name);
    }

    private void forget() {
        if (channel != null) {
            channel.run.cancel();
            channel = null;
        }
        frames.stop();
        curve.clear();
        settings.set(null);
        progress.set(0);
        secondsLeft.set(-1);
        state.set(State.IDLE);
    }

    /** Takes what the current run delivered since the last frame. */
    private void drain() {
        RunChannel current = channel;
        if (current == null) {
            return;
        }
        TrainingSettings s = settings.get();
        if (current.takeStarted()) {
            showState();
        }
        RunChannel.Finished delivered = current.takeEpochs();
        List<EpochResult> added = delivered.epochs();
        if (!added.isEmpty()) {
            curve.addAll(added);
            progress.set((double) curve.size() / s.epochs());
            showState(); // an epoch that ends just after Pause still belongs to the pause's line
        }
        // whole seconds, so that the line showing it changes once a second, not every frame
        double left = current.secondsLeft(System.nanoTime());
        secondsLeft.set(left < 0 ? -1 : Math.round(left));
        ParameterSnapshot fresh = current.takeParameters();
        if (fresh != null) {
            double seconds = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).trainSeconds();
            models.show(new LabModel(current.modelId, LabModel.Origin.TRAINING, "",
                    new TrainedModel(s, curve, seconds, null, fresh)));
        }
        if (delivered.paused() && state.get() == State.TRAINING) {
            showPaused();
        }
    }

    private void showPaused() {
        channel.pausedAt(System.nanoTime());
        secondsLeft.set(-1); // no countdown while nothing counts down
        state.set(State.PAUSED);
        showState();
    }

    /** The status line of a run in progress: the epochs done, as the progress line counts them. */
    private void showState() {
        if (state.get() == State.TRAINING) {
            status.show("status.training", curve.size(), settings.get().epochs());
        } else if (state.get() == State.PAUSED) {
            status.show("status.paused", curve.size(), settings.get().epochs());
        }
    }

    private void finished(RunChannel done, RunResult result) {
        if (done != channel) {
            return; // reset away, or replaced by a newer run
        }
        drain();
        frames.stop();
        channel = null;
        secondsLeft.set(-1);
        state.set(State.FINISHED);
        double clockSeconds = done.clockSeconds(System.nanoTime());
        models.show(new LabModel(done.modelId, LabModel.Origin.TRAINED, "", TrainedModel.of(result)));
        history.add(done.modelId, result, done.sweep, clockSeconds);
        if (result.outcome() == RunOutcome.COMPLETED) {
            progress.set(1);
            status.show("status.finished", result.curve().size(), clockSeconds, result.finalHeldOutError(),
                    result.trainSeconds());
        } else if (result.outcome() == RunOutcome.CANCELLED) {
            status.show("status.stopped", result.curve().size(), result.finalHeldOutError());
        } else if (result.outcome() == RunOutcome.DID_NOT_LEARN) {
            showLearnedNothing(result);
        } else {
            status.show("status.diverged", result.reason());
        }
        done.whenDone.accept(result);
    }

    /**
     * A run that learned nothing says so, beside what always answering the most common count would
     * score, and what to try: a smaller rate where the steps were large, more epochs where not.
     */
    private void showLearnedNothing(RunResult result) {
        TrainingSettings s = result.settings();
        CountPrior prior = CountPrior.of(BitStringDataset.create(s.length(), s.trainSize(), s.seed()).trainValues(),
                s.length());
        Message advice = s.learningRate() > TrainingSettings.fast().learningRate()
                ? new Message("advice.smallerRate", LocaleNumbers.formatDecimal(s.learningRate() / 10))
                : new Message("advice.moreEpochs", LocaleNumbers.formatDecimal(s.learningRate()));
        status.show("status.didNotLearn", result.curve().size(), result.finalHeldOutError(), prior.modeErrorPercent(),
                advice);
    }

    private void failed(RunChannel done, Throwable error) {
        if (done != channel) {
            return;
        }
        drain();
        frames.stop();
        channel = null;
        secondsLeft.set(-1);
        state.set(State.FINISHED);
        LabModel shown = models.get();
        if (shown != null && shown.id() == done.modelId) {
            models.show(new LabModel(shown.id(), LabModel.Origin.TRAINED, "", shown.model()));
        }
        status.showFailure(new Message("task.training"), error);
    }

    public void shutdown() {
        stop();
        endSweep();
        frames.stop();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    /** True while a sweep holds the training core; the sweep's owner lets go of it when this turns false. */
    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping.getReadOnlyProperty();
    }

    /** The settings of the run shown, or null when none is. */
    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ObservableList<EpochResult> curve() {
        return readOnlyCurve;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The estimate behind {@link #secondsLeftProperty()}, not rounded; -1 while unknown, paused or no run goes on. */
    public double secondsLeftEstimate() {
        RunChannel current = channel;
        return current == null ? -1 : current.secondsLeft(System.nanoTime());
    }

    /** Seconds left by the clock, whole, or -1 while unknown or paused. */
    public ReadOnlyDoubleProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }
}
