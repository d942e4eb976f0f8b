package org.bitcountlab.ui;

import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.Nd4jRuntime;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingListener;
import org.bitcountlab.core.training.TrainingRun;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * Training as the window sees it: state, progress, status text and the learning curve, all on the
 * FX thread. The run itself is a {@link Task} on a daemon thread. It never calls into the FX thread
 * per epoch: it leaves the newest figures in a queue and a reference, and an {@link AnimationTimer}
 * takes them once per pulse, so a 600-epoch run cannot flood the event queue.
 */
public final class TrainingSession {

    public enum State { IDLE, TRAINING, PAUSED, FINISHED }

    private final Executor executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "training");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", Messages.get("status.ready"));
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper(this, "eta", "");
    private final ReadOnlyObjectWrapper<ParameterSnapshot> parameters = new ReadOnlyObjectWrapper<>(this, "parameters");
    private final ReadOnlyObjectWrapper<TrainedModel> trainedModel = new ReadOnlyObjectWrapper<>(this, "trainedModel");
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper(this, "evaluating", false);
    private final ReadOnlyDoubleWrapper evaluationProgress = new ReadOnlyDoubleWrapper(this, "evaluationProgress", 0);
    private final ReadOnlyObjectWrapper<TrainingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<Evaluation> failures = new ReadOnlyObjectWrapper<>(this, "failures");
    private final ReadOnlyStringWrapper failuresMeasuredOn = new ReadOnlyStringWrapper(this, "failuresMeasuredOn", "");
    private final ObservableList<EpochResult> curve = FXCollections.observableArrayList();
    // one wrapper for good: it listens to the list weakly, so a throwaway wrapper would lose its listeners
    private final ObservableList<EpochResult> readOnlyCurve = FXCollections.unmodifiableObservableList(curve);

    private final Queue<EpochResult> pendingEpochs = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ParameterSnapshot> pendingParameters = new AtomicReference<>();
    private final AtomicBoolean pendingStart = new AtomicBoolean();
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainPending();
        }
    };
    private TrainingRun run;
    private Task<RunResult> task;
    private Task<Evaluation> evaluation;
    private long wallStart;

    /**
     * Loads ND4J's natives in the background so that the first Train does not wait for them. Called
     * once the window is up: loading them takes a core for a few seconds, which the window's first
     * frames should not have to share.
     */
    public void preloadNumerics() {
        executor.execute(() -> {
            try {
                Nd4jRuntime.initialise();
            } catch (Throwable ignored) {
                // reported when training starts
            }
        });
    }

    public void start(TrainingSettings newSettings) {
        if (state.get() == State.TRAINING || state.get() == State.PAUSED) {
            return;
        }
        cancelEvaluation();
        curve.clear();
        pendingEpochs.clear();
        pendingParameters.set(null);
        trainedModel.set(null);
        failures.set(null);
        settings.set(newSettings);
        progress.set(0);
        eta.set("");
        status.set(Messages.get("status.loading"));
        state.set(State.TRAINING);
        TrainingRun newRun = new TrainingRun(newSettings, new TrainingListener() {
            @Override
            public void started(TrainingSettings s) {
                pendingStart.set(true);
            }

            @Override
            public void epochEnded(EpochResult result, ParameterSnapshot snapshot) {
                pendingParameters.set(snapshot);
                pendingEpochs.add(result);
            }

            @Override
            public void parametersUpdated(ParameterSnapshot snapshot) {
                pendingParameters.set(snapshot);
            }
        });
        run = newRun;
        Task<RunResult> newTask = new Task<>() {
            @Override
            protected RunResult call() {
                return newRun.run();
            }
        };
        // a run that was reset away may still finish its last minibatch: its result is ignored
        newTask.setOnSucceeded(event -> {
            if (task == newTask) {
                finished(newTask.getValue());
            }
        });
        newTask.setOnFailed(event -> {
            if (task == newTask) {
                failed(newTask.getException());
            }
        });
        task = newTask;
        wallStart = System.nanoTime();
        drain.start();
        executor.execute(task);
    }

    public void togglePause() {
        if (state.get() == State.TRAINING) {
            run.pause();
            state.set(State.PAUSED);
            status.set(Messages.get("status.paused", curve.size(), settings.get().epochs()));
        } else if (state.get() == State.PAUSED) {
            run.resume();
            state.set(State.TRAINING);
            status.set(Messages.get("status.training", curve.size(), settings.get().epochs()));
        }
    }

    /** Stops the run before its next minibatch; the network keeps what it learned so far. */
    public void stop() {
        if (run != null && (state.get() == State.TRAINING || state.get() == State.PAUSED)) {
            run.cancel();
        }
        cancelEvaluation();
    }

    /** Forgets the run: chart, weights and status. */
    public void reset() {
        stop();
        task = null;
        drain.stop();
        curve.clear();
        pendingEpochs.clear();
        parameters.set(null);
        trainedModel.set(null);
        failures.set(null);
        progress.set(0);
        eta.set("");
        state.set(State.IDLE);
        status.set(Messages.get("status.ready"));
    }

    /** Puts a saved model in place of a run: its curve, its weights. */
    public void show(TrainedModel model, String name) {
        reset();
        settings.set(model.settings());
        curve.setAll(model.curve());
        parameters.set(model.parameters());
        trainedModel.set(model);
        progress.set(1);
        state.set(State.FINISHED);
        status.set(Messages.get("status.loaded", name));
        evaluateHeldOut(model.parameters(), model.settings());
    }

    /** Shows a message in the status line. */
    void report(String message) {
        status.set(message);
    }

    public void shutdown() {
        stop();
        drain.stop();
    }

    /** Scores the current weights on every string they did not train on, with a progress bar. */
    public void evaluateAll() {
        ParameterSnapshot weights = parameters.get();
        TrainingSettings trained = settings.get();
        if (weights == null || trained == null || evaluating.get()) {
            return;
        }
        evaluation = new Task<>() {
            @Override
            protected Evaluation call() {
                int[] test = BitStringDataset.create(trained.length(), trained.trainSize(), trained.seed()).testValues();
                return Evaluator.evaluate(weights, test, fraction -> updateProgress(fraction, 1), this::isCancelled);
            }
        };
        Task<Evaluation> current = evaluation;
        long start = System.nanoTime();
        evaluationProgress.bind(current.progressProperty());
        evaluating.set(true);
        status.set(Messages.get("status.evaluating", String.format(Locale.getDefault(), "%,d", trained.testSize())));
        current.setOnSucceeded(event -> {
            evaluating.set(false);
            Evaluation result = current.getValue();
            if (trainedModel.get() != null) {
                trainedModel.set(trainedModel.get().withTestError(result.errorPercent()));
            }
            showFailures(result, Messages.get("failures.allTest", String.format(Locale.getDefault(), "%,d", result.strings())));
            status.set(Messages.get("status.evaluated", String.format(Locale.getDefault(), "%,d", result.strings()),
                    String.format(Locale.getDefault(), "%.3f", result.errorPercent()),
                    String.format(Locale.getDefault(), "%.1f", (System.nanoTime() - start) / 1e9)));
        });
        current.setOnFailed(event -> {
            evaluating.set(false);
            status.set(Messages.get("status.failed", current.getException().getMessage()));
        });
        current.setOnCancelled(event -> evaluating.set(false));
        executor.execute(current);
    }

    /**
     * Scores the weights on the run's held-out sample, by true count, in the background: what the
     * "where it fails" chart shows until a full evaluation replaces it.
     */
    public void evaluateHeldOut(ParameterSnapshot weights, TrainingSettings trained) {
        Task<Evaluation> task = new Task<>() {
            @Override
            protected Evaluation call() {
                int[] sample = BitStringDataset.create(trained.length(), trained.trainSize(), trained.seed())
                        .heldOutSample(trained.evalSample());
                return Evaluator.evaluate(weights, sample);
            }
        };
        task.setOnSucceeded(event -> {
            if (parameters.get() == null || parameters.get() == weights) {
                showFailures(task.getValue(), Messages.get("failures.heldOut",
                        String.format(Locale.getDefault(), "%,d", trained.evalSample())));
            }
        });
        executor.execute(task);
    }

    private void showFailures(Evaluation evaluation, String measuredOn) {
        failuresMeasuredOn.set(measuredOn);
        failures.set(evaluation);
    }

    public ReadOnlyObjectProperty<Evaluation> failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failuresMeasuredOnProperty() {
        return failuresMeasuredOn.getReadOnlyProperty();
    }

    private void cancelEvaluation() {
        if (evaluation != null && evaluation.isRunning()) {
            evaluation.cancel();
        }
    }

    private void drainPending() {
        if (pendingStart.getAndSet(false) && state.get() == State.TRAINING) {
            status.set(Messages.get("status.training", 0, settings.get().epochs()));
        }
        ParameterSnapshot fresh = pendingParameters.getAndSet(null);
        if (fresh != null) {
            parameters.set(fresh);
        }
        EpochResult result;
        boolean added = false;
        while ((result = pendingEpochs.poll()) != null) {
            curve.add(result);
            added = true;
        }
        if (added && state.get() == State.TRAINING) {
            TrainingSettings s = settings.get();
            int done = curve.size();
            progress.set((double) done / s.epochs());
            status.set(Messages.get("status.training", done, s.epochs()));
            double perEpoch = (System.nanoTime() - wallStart) / 1e9 / done;
            eta.set(Messages.get("eta.format", Math.round(perEpoch * (s.epochs() - done))));
        }
    }

    private void finished(RunResult result) {
        drain.stop();
        drainPending();
        parameters.set(result.parameters());
        trainedModel.set(TrainedModel.of(result));
        state.set(State.FINISHED);
        evaluateHeldOut(result.parameters(), result.settings());
        eta.set("");
        String error = String.format(Locale.getDefault(), "%.2f", result.finalHeldOutError());
        if (result.outcome() == RunOutcome.COMPLETED) {
            progress.set(1);
            status.set(Messages.get("status.finished", result.curve().size(),
                    String.format(Locale.getDefault(), "%.1f", result.trainSeconds()), error));
        } else if (result.outcome() == RunOutcome.CANCELLED) {
            status.set(Messages.get("status.stopped", result.curve().size(), error));
        } else {
            status.set(Messages.get("status.diverged", result.reason()));
        }
    }

    private void failed(Throwable error) {
        drain.stop();
        drainPending();
        state.set(State.FINISHED);
        eta.set("");
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        status.set(Messages.get("status.failed", root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ParameterSnapshot> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainedModel> trainedModelProperty() {
        return trainedModel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty evaluationProgressProperty() {
        return evaluationProgress.getReadOnlyProperty();
    }

    public ObservableList<EpochResult> curve() {
        return readOnlyCurve;
    }
}
