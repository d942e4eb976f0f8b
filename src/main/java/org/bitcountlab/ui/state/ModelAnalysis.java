package org.bitcountlab.ui.state;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.tasks.BackgroundJob;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * Measures the model shown, silenced units included: on its held-out sample as soon as it stops
 * changing (a student toggling units measures only the last choice: each new measurement cancels
 * the one before), and on every test string on request. A result lands only on the model it
 * measured.
 */
public final class ModelAnalysis {

    private final CurrentModel models;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final RunHistory history;
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper(this, "evaluating", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private BackgroundJob heldOut;
    private BackgroundJob fullEvaluation;

    public ModelAnalysis(CurrentModel models, TaskExecutor tasks, StatusLine status, RunHistory history) {
        this.models = models;
        this.tasks = tasks;
        this.status = status;
        this.history = history;
        models.modelProperty().addListener((obs, old, now) -> {
            boolean settled = now != null && !now.isTraining();
            boolean changed = old == null || old.isTraining() || !now.sameModelAs(old);
            if (now == null || !now.sameModelAs(old)) {
                cancelFullEvaluation();
            }
            if (settled && changed) {
                analyseHeldOut(now);
            }
        });
    }

    private void analyseHeldOut(LabModel model) {
        if (heldOut != null) {
            heldOut.cancel();
        }
        TrainingSettings settings = model.model().settings();
        Message what = new Message("task.heldOut");
        heldOut = tasks.submit(what, job -> {
            BitStringDataset data = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed());
            return new FailureAnalysis(model, Evaluator.evaluate(model.model().parameters(), model.silenced(),
                    data.heldOutSample(settings.evalSample()), fraction -> { }, job::isCancelled), false,
                    data.trainingStringsByCount());
        }, models::acceptFailures, error -> status.showFailure(what, error));
    }

    /** Scores the model shown on every string it did not train on, with progress. */
    public void evaluateAll() {
        LabModel model = models.get();
        if (model == null || model.isTraining() || evaluating.get()) {
            return;
        }
        TrainingSettings settings = model.model().settings();
        long start = System.nanoTime();
        evaluating.set(true);
        status.show("status.evaluating", (long) settings.testSize());
        Message what = new Message("task.evaluateAll");
        BackgroundJob job = tasks.submit(what, running -> {
            BitStringDataset data = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed());
            return new FailureAnalysis(model, Evaluator.evaluate(model.model().parameters(), model.silenced(),
                    data.testValues(), running::progress, running::isCancelled), true, data.trainingStringsByCount());
        },
                analysis -> {
                    Evaluation evaluation = analysis.evaluation();
                    evaluating.set(false);
                    if (models.acceptTestError(model, evaluation.errorPercent())) {
                        models.acceptFailures(new FailureAnalysis(models.get(), evaluation, true,
                                analysis.trainingStringsByCount()));
                        if (model.silenced().isEmpty()) {
                            history.setTestError(model.id(), evaluation.errorPercent());
                        }
                        status.show("status.evaluated", evaluation.strings(), evaluation.errorPercent(),
                                (System.nanoTime() - start) / 1e9, ModelNames.of(model));
                    }
                },
                error -> {
                    evaluating.set(false);
                    status.showFailure(what, error);
                });
        fullEvaluation = job;
        progress.bind(job.progressProperty());
    }

    public void cancelFullEvaluation() {
        if (fullEvaluation != null && !fullEvaluation.isDone()) {
            fullEvaluation.cancel();
            evaluating.set(false);
        }
    }

    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
