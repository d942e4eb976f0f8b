package org.bitcountlab.ui.runs;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bitcountlab.core.sweep.ReadySweep;
import org.bitcountlab.core.sweep.SweepListener;
import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.core.sweep.SweepProgress;
import org.bitcountlab.core.sweep.SweepResult;
import org.bitcountlab.core.sweep.SweepVariable;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.RunHistory;
import org.bitcountlab.ui.state.RunRecord;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskService;

/**
 * The session's runs, and the sweep: one setting varied over several values, each trained with
 * several seeds by the core {@link org.bitcountlab.core.sweep.Sweep} (the same one the command
 * line runs), its points plotted as they finish.
 */
public final class RunsViewModel implements SweepChannel.Receiver {

    /** Past this, the time left reads in minutes. */
    private static final double SECONDS_SHOWN_AS_SECONDS = 120;

    private final CurrentRun run;
    private final RunHistory history;
    private final SettingsViewModel settings;
    private final TaskService tasks;
    private final StatusLine status;
    private final ObjectProperty<SweepBase> base = new SimpleObjectProperty<>(this, "base");
    private final ObjectProperty<SweepVariable> variable = new SimpleObjectProperty<>(this, "variable",
            SweepVariable.HIDDEN_SIZE);
    private final StringProperty valuesText = new SimpleStringProperty(this, "valuesText", "");
    private final StringProperty seedsText = new SimpleStringProperty(this, "seedsText", "");
    private final StringProperty epochsText = new SimpleStringProperty(this, "epochsText", "");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Message> sweepProgress = new ReadOnlyObjectWrapper<>(this, "sweepProgress");
    private final ReadOnlyDoubleWrapper sweepFraction = new ReadOnlyDoubleWrapper(this, "sweepFraction", 0);
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping", false);
    private final ReadOnlyObjectWrapper<SweepPlan> shownPlan = new ReadOnlyObjectWrapper<>(this, "shownPlan");
    private final ObservableList<SweepPoint> points = FXCollections.observableArrayList();
    private final ObservableList<SweepPoint> readOnlyPoints = FXCollections.unmodifiableObservableList(points);
    private final List<SweepListener> observers = new CopyOnWriteArrayList<>();
    private final BooleanBinding canSweep;
    // volatile only for stop(), which a sweep's own listener may call from the sweep's thread
    private volatile SweepChannel current;

    public RunsViewModel(CurrentRun run, RunHistory history, SettingsViewModel settings, TaskService tasks,
            StatusLine status) {
        this.run = run;
        this.history = history;
        this.settings = settings;
        this.tasks = tasks;
        this.status = status;
        base.addListener((obs, old, now) -> now.ready().ifPresent(this::fillFrom));
        base.set(SweepBase.of(ReadySweep.HIDDEN_FEW_STRINGS));
        canSweep = Bindings.createBooleanBinding(
                () -> !run.runningProperty().get() && !run.sweepingProperty().get()
                        && (base.get().ready().isPresent() || settings.validProperty().get()),
                run.runningProperty(), run.sweepingProperty(), base, settings.validProperty());
        run.sweepingProperty().addListener((obs, was, now) -> {
            if (!now && current != null) {
                forgetSweep(); // reset or shutdown took the training core back
            }
        });
    }

    /** A ready sweep fills the fields with its plan; the fields stay editable. */
    private void fillFrom(ReadySweep ready) {
        SweepPlan plan = ready.plan();
        variable.set(plan.variable());
        valuesText.set(SweepValues.format(plan.values()));
        seedsText.set(LocaleNumbers.formatInteger(plan.seeds()));
        epochsText.set(LocaleNumbers.formatInteger(plan.base().epochs()));
    }

    /** Starts the sweep the fields describe; false, with a {@link #problemProperty() problem}, if it cannot. */
    public boolean sweep() {
        SweepPlan plan = plan();
        if (plan == null || !canSweep.get() || !run.beginSweep()) {
            return false;
        }
        SweepChannel channel = new SweepChannel(plan, this, observers);
        current = channel;
        sweeping.set(true);
        shownPlan.set(plan);
        points.clear();
        sweepFraction.set(0);
        sweepProgress.set(new Message("sweep.starting", plan.runs()));
        status.show("status.sweeping", plan.runs());
        tasks.submit(job -> channel.sweep.run(), result -> finished(channel, result), error -> failed(channel, error));
        return true;
    }

    /** Ends the sweep before its next minibatch; the points that finished stay on the chart. Any thread. */
    public void stop() {
        SweepChannel channel = current;
        if (channel != null) {
            channel.sweep.cancel();
        }
    }

    /** The plan the fields describe, or null with the reason set as the problem. */
    private SweepPlan plan() {
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

    static Message variableName(SweepVariable variable) {
        return new Message("sweep.vary." + variable.id());
    }

    @Override
    public void progressed(SweepChannel from, SweepProgress progress) {
        if (from != current) {
            return;
        }
        sweepFraction.set(progress.fraction());
        Message at = new Message("sweep.at." + shownPlan.get().variable().id(), progress.value());
        double left = progress.secondsLeft();
        if (Double.isNaN(left)) {
            sweepProgress.set(new Message("sweep.progress", progress.run(), progress.runs(), at, progress.seed()));
        } else {
            Message time = left < SECONDS_SHOWN_AS_SECONDS ? new Message("sweep.left.seconds", Math.round(left))
                    : new Message("sweep.left.minutes", Math.round(left / 60));
            sweepProgress.set(new Message("sweep.progress.left", progress.run(), progress.runs(), at, progress.seed(),
                    time));
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
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        sweepProgress.set(null);
        problem.set(new Message("sweep.failed", root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage()));
        status.show(problem.get().key(), problem.get().arguments());
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
