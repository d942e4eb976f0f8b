package org.bitcountlab.ui.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.RunHistory;
import org.bitcountlab.ui.state.RunRecord;

/**
 * The session's runs and the hidden-size sweep: one run per size, one after another, each drawn
 * live as any run is, the final errors plotted against size.
 */
public final class RunsViewModel {

    private final CurrentRun run;
    private final RunHistory history;
    private final SettingsViewModel settings;
    private final StringProperty sizesText = new SimpleStringProperty(this, "sizesText", "1, 2, 4, 8, 16, 24, 32");
    private final StringProperty epochsText = new SimpleStringProperty(this, "epochsText", "10");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Message> sweepProgress = new ReadOnlyObjectWrapper<>(this, "sweepProgress");
    private final Deque<TrainingSettings> queue = new ArrayDeque<>();
    private final BooleanBinding canSweep;
    private int sweeps;
    private int sweepSize;

    public RunsViewModel(CurrentRun run, RunHistory history, SettingsViewModel settings) {
        this.run = run;
        this.history = history;
        this.settings = settings;
        canSweep = settings.validProperty().and(run.runningProperty().not());
        run.stateProperty().addListener((obs, old, now) -> {
            if (now == CurrentRun.State.IDLE) {
                endSweep(); // reset
            }
        });
    }

    /** Trains one run per hidden size typed, with the other settings as they are. */
    public boolean sweep() {
        List<Integer> sizes = sizes();
        OptionalLong epochs = LocaleNumbers.parseInteger(epochsText.get());
        boolean epochsOk = epochs.isPresent() && epochs.getAsLong() >= TrainingSettings.MIN_EPOCHS
                && epochs.getAsLong() <= TrainingSettings.MAX_EPOCHS;
        if (sizes.isEmpty() || !epochsOk) {
            problem.set(new Message("sweep.invalid", TrainingSettings.MAX_HIDDEN));
            return false;
        }
        problem.set(null);
        if (!canSweep.get()) {
            return false;
        }
        TrainingSettings base = settings.settingsProperty().get().withEpochs((int) epochs.getAsLong());
        queue.clear();
        sizes.forEach(size -> queue.add(base.withHidden(size)));
        sweepSize = sizes.size();
        sweeps++;
        startNext();
        return true;
    }

    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>();
        // sizes are at most 512, so a comma never groups digits here: it separates sizes in every locale
        for (String part : sizesText.get().strip().split("[;,\\s]+")) {
            OptionalLong size = LocaleNumbers.parseInteger(part);
            if (size.isEmpty() || size.getAsLong() < TrainingSettings.MIN_HIDDEN || size.getAsLong() > TrainingSettings.MAX_HIDDEN) {
                return List.of();
            }
            sizes.add((int) size.getAsLong());
        }
        return sizes;
    }

    private void startNext() {
        TrainingSettings next = queue.poll();
        if (next == null) {
            endSweep();
            return;
        }
        sweepProgress.set(new Message("sweep.progress", sweepSize - queue.size(), sweepSize));
        run.start(next, sweeps, this::sweepRunDone);
    }

    private void sweepRunDone(RunResult result) {
        if (result.outcome() == RunOutcome.CANCELLED) {
            endSweep(); // Stop ends the sweep, keeping the runs that finished
        } else {
            startNext();
        }
    }

    private void endSweep() {
        queue.clear();
        sweepProgress.set(null);
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

    /** Hidden sizes, separated by commas, semicolons or spaces. */
    public StringProperty sizesTextProperty() {
        return sizesText;
    }

    public StringProperty epochsTextProperty() {
        return epochsText;
    }

    /** Why the sweep cannot start, or null. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Run 2 of 7" while a sweep runs, else null. */
    public ReadOnlyObjectProperty<Message> sweepProgressProperty() {
        return sweepProgress.getReadOnlyProperty();
    }

    public BooleanBinding canSweepProperty() {
        return canSweep;
    }
}
