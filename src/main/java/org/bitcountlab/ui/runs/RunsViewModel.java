package org.bitcountlab.ui.runs;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bitcountlab.core.sweep.SweepListener;
import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.core.sweep.SweepProgress;
import org.bitcountlab.core.sweep.SweepResult;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.RunHistory;
import org.bitcountlab.ui.state.RunRecord;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * The session's runs, and the sweep: one setting varied over several values, each trained with
 * several seeds by the core {@link org.bitcountlab.core.sweep.Sweep} (the same one the command
 * line runs), its points plotted as they finish.
 */
public final class RunsViewModel implements SweepChannel.Receiver {

    private final CurrentRun run;
    private final RunHistory history;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final SweepForm form;
    private final ReadOnlyObjectWrapper<Message> sweepProgress = new ReadOnlyObjectWrapper<>(this, "sweepProgress");
    private final ReadOnlyDoubleWrapper sweepFraction = new ReadOnlyDoubleWrapper(this, "sweepFraction", 0);
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping", false);
    private final ReadOnlyObjectWrapper<SweepPlan> shownPlan = new ReadOnlyObjectWrapper<>(this, "shownPlan");
    private final ObservableList<SweepPoint> points = FXCollections.observableArrayList();
    private final ObservableList<SweepPoint> readOnlyPoints = FXCollections.unmodifiableObservableList(points);
    private final List<SweepListener> observers = new CopyOnWriteArrayList<>();
    private final BooleanBinding canSweep;
    private final ObjectBinding<Message> planSettings;
    // volatile only for stop(), which a sweep's own listener may call from the sweep's thread
    private volatile SweepChannel current;
    private int sweeps; // sweeps started this session: their runs are marked with the number

    public RunsViewModel(CurrentRun run, RunHistory history, SettingsViewModel settings, TaskExecutor tasks,
            StatusLine status) {
        this.run = run;
        this.history = history;
        this.tasks = tasks;
        this.status = status;
        this.form = new SweepForm(settings);
        canSweep = Bindings.createBooleanBinding(
                () -> !run.runningProperty().get() && !run.sweepingProperty().get() && form.hasBase(),
                run.runningProperty(), run.sweepingProperty(), form.baseProperty(), settings.validProperty());
        planSettings = Bindings.createObjectBinding(() -> describe(shownPlan.get()), shownPlan);
        run.sweepingProperty().addListener((obs, was, now) -> {
            if (!now && current != null) {
                forgetSweep(); // reset or shutdown took the training core back
            }
        });
    }

    /** Starts the sweep the fields describe; false, with a {@link SweepForm#problemProperty() problem}, if it cannot. */
    public boolean sweep() {
        SweepPlan plan = form.plan();
        if (plan == null || !canSweep.get() || !run.beginSweep()) {
            return false;
        }
        SweepChannel channel = new SweepChannel(plan, this, observers, tasks);
        current = channel;
        sweeps++;
        sweeping.set(true);
        shownPlan.set(plan);
        points.clear();
        sweepFraction.set(0);
        sweepProgress.set(new Message("sweep.starting", plan.runs()));
        status.show("status.sweeping", plan.runs());
        tasks.submit(new Message("task.sweep"), job -> channel.sweep.run(), result -> finished(channel, result), error -> failed(channel, error));
        return true;
    }

    /** Ends the sweep before its next minibatch; the points that finished stay on the chart. Any thread. */
    public void stop() {
        SweepChannel channel = current;
        if (channel != null) {
            channel.sweep.cancel();
        }
    }

    @Override
    public void progressed(SweepChannel from, SweepProgress progress) {
        if (from != current) {
            return;
        }
        sweepFraction.set(progress.fraction());
        Message at = new Message("sweep.at." + shownPlan.get().variable().id(), progress.value());
        double left = progress.secondsLeft();
        if (Double.isNaN(left) || left < 0) {
            sweepProgress.set(new Message("sweep.progress", progress.run(), progress.runs(), at, progress.seed()));
        } else {
            sweepProgress.set(new Message("sweep.progress.left", progress.run(), progress.runs(), at, progress.seed(),
                    Message.timeLeft(left)));
        }
    }

    /** Each run of a sweep joins the session's runs, marked with its sweep's number. */
    @Override
    public void runFinished(SweepChannel from, RunResult result, double clockSeconds) {
        if (from == current) {
            history.addSweepRun(result, sweeps, clockSeconds);
        }
    }

    @Override
    public void pointFinished(SweepChannel from, SweepPoint point) {
        if (from == current) {
            points.add(point);
        }
    }

    private void finished(SweepChannel channel, SweepResult result) {
        if (channel != current) {
            return;
        }
        points.setAll(result.points());
        Message ended = result.completed() ? new Message("sweep.done", result.points().size())
                : new Message("sweep.stopped", result.points().size(), result.plan().values().size());
        sweepProgress.set(ended);
        status.show(ended.key(), ended.arguments());
        release();
    }

    private void failed(SweepChannel channel, Throwable error) {
        if (channel != current) {
            return;
        }
        sweepProgress.set(null);
        form.failed(new Message("sweep.failed", FailureLog.reason(error)));
        status.showFailure(new Message("task.sweep"), error);
        release();
    }

    /** Reset: the sweep stops, and nothing it still delivers is shown. */
    private void forgetSweep() {
        current.sweep.cancel();
        current = null;
        sweeping.set(false);
        shownPlan.set(null);
        points.clear();
        sweepProgress.set(null);
    }

    private void release() {
        current = null;
        sweeping.set(false);
        run.endSweep();
    }

    /** What every run of the plan trains: the settings panel's fields are not in use while it runs. */
    private static Message describe(SweepPlan plan) {
        if (plan == null) {
            return null;
        }
        TrainingSettings base = plan.base();
        String values = plan.values().stream().map(LocaleNumbers::formatInteger).collect(Collectors.joining(", "));
        long firstSeed = plan.settings(plan.values().get(0), 0).seed();
        long lastSeed = plan.settings(plan.values().get(0), plan.seeds() - 1).seed();
        return new Message("sweep.settings." + plan.variable().id(), new Message("runs.cell." + base.cellType().id()),
                base.batchSize(), LocaleNumbers.formatDecimal(base.learningRate()),
                LocaleNumbers.formatDecimal(base.learningRateDecay()), base.trainSize(), base.hidden(), base.epochs(),
                values, firstSeed, lastSeed);
    }

    /** "Each run: LSTM, batch 20, rate 0.01 ...": what the sweep on the chart trains, or null when none is shown. */
    public ObjectBinding<Message> planSettingsProperty() {
        return planSettings;
    }

    /** Also hears every sweep started from here, on the sweep's own thread; for reports and tests. */
    public void addSweepListener(SweepListener listener) {
        observers.add(listener);
    }

    public void delete(Collection<RunRecord> runs) {
        history.delete(runs);
    }

    public ObservableList<RunRecord> runs() {
        return history.runs();
    }

    /** The runs drawn over the current curve. */
    public ObservableList<RunRecord> selected() {
        return history.selected();
    }

    /** The sweep's fields, and what is wrong with them. */
    public SweepForm form() {
        return form;
    }

    /** "Run 2 of 18 (hidden size 4, seed 2), about 40 s left" while a sweep runs, then how it ended. */
    public ReadOnlyObjectProperty<Message> sweepProgressProperty() {
        return sweepProgress.getReadOnlyProperty();
    }

    /** The running sweep's share done, 0 to 1. */
    public ReadOnlyDoubleProperty sweepFractionProperty() {
        return sweepFraction.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping.getReadOnlyProperty();
    }

    /** The plan of the sweep on the chart, or null when none is. */
    public ReadOnlyObjectProperty<SweepPlan> shownPlanProperty() {
        return shownPlan.getReadOnlyProperty();
    }

    /** The points of the sweep on the chart that have finished, in the plan's order. */
    public ObservableList<SweepPoint> points() {
        return readOnlyPoints;
    }

    public BooleanBinding canSweepProperty() {
        return canSweep;
    }
}
