package org.bitcountlab.ui.curve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

import org.bitcountlab.core.training.CurveCsv;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.FailureAnalysis;
import org.bitcountlab.ui.state.ModelNames;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.state.RunHistory;
import org.bitcountlab.ui.state.RunRecord;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * The learning curve: the current run's error and loss per epoch, the runs drawn over it, how it
 * is drawn (log scale, smoothing), the figure shown large beside it, and its export.
 */
public final class CurveViewModel {

    private final CurrentRun run;
    private final RunHistory history;
    private final TaskExecutor tasks;
    private final StatusLine status;
    // on by default: on a linear axis everything below 3% lies on the axis
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final BooleanProperty smooth = new SimpleBooleanProperty(this, "smooth", false);
    private final IntegerBinding epochSpan;
    private final IntegerBinding heldOutSample;
    private final ObjectBinding<Message> headline;
    private final ObjectBinding<Message> testHeadline;
    private final ObjectBinding<Message> errorTitle;
    private final ObjectBinding<Message> silencedNote;

    public CurveViewModel(CurrentRun run, RunHistory history, CurrentModel models, SettingsViewModel settings,
            TaskExecutor tasks, StatusLine status) {
        this.run = run;
        this.history = history;
        this.tasks = tasks;
        this.status = status;
        ObjectBinding<TrainingSettings> shown = Bindings.createObjectBinding(
                () -> run.settingsProperty().get() != null ? run.settingsProperty().get() : settings.settingsOrPreset(),
                run.settingsProperty(), settings.settingsProperty());
        epochSpan = Bindings.createIntegerBinding(() -> shown.get().epochs(), shown);
        heldOutSample = Bindings.createIntegerBinding(() -> shown.get().evalSample(), shown);
        headline = Bindings.createObjectBinding(() -> run.curve().isEmpty() ? null
                : new Message("curve.headline", run.curve().get(run.curve().size() - 1).heldOutError()), run.curve());
        testHeadline = Bindings.createObjectBinding(() -> {
            LabModel model = models.get();
            boolean ofThisCurve = model != null && !run.curve().isEmpty()
                    && (model.origin() == LabModel.Origin.TRAINED || model.origin() == LabModel.Origin.OPENED);
            return ofThisCurve && model.model().testError() != null
                    ? new Message("curve.testHeadline", model.model().testError()) : null;
        }, models.modelProperty(), run.curve());
        // the curve is the run's, all units: with units silenced, the chart says so and the note gives the silenced figure
        errorTitle = Bindings.createObjectBinding(() -> {
            boolean silenced = models.get() != null && !models.get().silenced().isEmpty();
            return new Message(silenced ? "chart.error.title.allUnits" : "chart.error.title", heldOutSample.get());
        }, heldOutSample, models.modelProperty());
        silencedNote = Bindings.createObjectBinding(() -> {
            LabModel model = models.get();
            if (model == null || model.silenced().isEmpty()) {
                return null;
            }
            FailureAnalysis analysis = models.failuresProperty().get();
            return analysis == null || !analysis.model().sameModelAs(model)
                    ? new Message("curve.silenced", ModelNames.silencedList(model))
                    : new Message("curve.silenced.error", ModelNames.silencedList(model),
                            analysis.evaluation().errorPercent(), analysis.evaluation().strings());
        }, models.modelProperty(), models.failuresProperty());
    }

    /** "Error on 50,000 held-out strings", and "all units" while some are silenced: the curve is the run's. */
    public ObjectBinding<Message> errorTitleProperty() {
        return errorTitle;
    }

    /** While units are silenced: which, and the silenced model's error once measured; else null. */
    public ObjectBinding<Message> silencedNoteProperty() {
        return silencedNote;
    }

    /** Writes the current curve and every run of the session as CSV, in the background. */
    public void exportCsv(Path file) {
        Map<String, List<EpochResult>> curves = new LinkedHashMap<>();
        if (!run.curve().isEmpty() && (run.runningProperty().get() || history.runs().isEmpty())) {
            curves.put(new Message("chart.error.series").text(), List.copyOf(run.curve()));
        }
        for (RunRecord record : history.runs()) {
            curves.put(record.label(), record.curve());
        }
        write(file, () -> {
            try (Writer out = Files.newBufferedWriter(file)) {
                CurveCsv.write(curves, out);
            }
        });
    }

    /** Writes a picture of the chart (taken on the FX thread) as PNG, in the background. */
    public void exportPng(BufferedImage image, Path file) {
        write(file, () -> {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private interface FileWork {
        void run() throws IOException;
    }

    private void write(Path file, FileWork work) {
        status.showBusy("status.exporting", file.getFileName().toString());
        Message what = new Message("task.export", file.getFileName().toString());
        tasks.submit(what, job -> {
            work.run();
            return file;
        }, done -> status.show("status.exported", file.getFileName().toString()),
                error -> status.showFailure(what, error));
    }

    public ObservableList<EpochResult> curve() {
        return run.curve();
    }

    public ObservableList<RunRecord> overlays() {
        return history.selected();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public BooleanProperty smoothProperty() {
        return smooth;
    }

    /** Epochs the x axis spans: the run's, or those typed before a run starts. */
    public IntegerBinding epochSpanProperty() {
        return epochSpan;
    }

    /** How many held-out strings the error is measured on. */
    public IntegerBinding heldOutSampleProperty() {
        return heldOutSample;
    }

    /** The latest held-out error, in large type beside the chart; null before the first epoch. */
    public ObjectBinding<Message> headlineProperty() {
        return headline;
    }

    /** The full-test error of the model the curve belongs to, once measured; else null. */
    public ObjectBinding<Message> testHeadlineProperty() {
        return testHeadline;
    }
}
