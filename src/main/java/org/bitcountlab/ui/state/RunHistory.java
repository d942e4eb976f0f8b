package org.bitcountlab.ui.state;

import java.util.Collection;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.bitcountlab.core.training.RunResult;

/** Every finished run of the session, and the ones selected to be drawn over the current curve. */
public final class RunHistory {

    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunRecord> selected = FXCollections.observableArrayList();

    /** @param clockSeconds the run's time by the clock, pauses left out */
    void add(long modelId, RunResult result, int sweep, double clockSeconds) {
        if (result.curve().isEmpty()) {
            return;
        }
        int number = runs.isEmpty() ? 1 : runs.get(runs.size() - 1).number() + 1;
        runs.add(new RunRecord(modelId, number, result.settings(), result.curve(), clockSeconds, result.trainSeconds(),
                null, sweep));
    }

    /** A run a sweep trained: listed with the session's runs, marked with the sweep's number; it has no model to show. */
    public void addSweepRun(RunResult result, int sweep, double clockSeconds) {
        add(0, result, sweep, clockSeconds);
    }

    /** A full-test error measured for a run's model lands in its row. */
    void setTestError(long modelId, double percent) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).modelId() == modelId) {
                runs.set(i, runs.get(i).withTestError(percent));
            }
        }
    }

    public void delete(Collection<RunRecord> doomed) {
        List<RunRecord> copy = List.copyOf(doomed);
        selected.removeAll(copy);
        runs.removeAll(copy);
    }

    public ObservableList<RunRecord> runs() {
        return readOnlyRuns;
    }

    /** The runs drawn over the current curve; the run table writes it, the chart reads it. */
    public ObservableList<RunRecord> selected() {
        return selected;
    }
}
