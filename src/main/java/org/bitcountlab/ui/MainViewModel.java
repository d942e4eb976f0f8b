package org.bitcountlab.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.training.CurveCsv;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.LengthGeneralisation;
import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.core.training.ModelFileException;
import org.bitcountlab.core.training.PretrainedModel;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * The window's state and commands. The only UI class that talks to the core; the view binds to
 * its properties and calls its methods, and it knows nothing of the view.
 */
public final class MainViewModel {

    private final SettingsForm settings = new SettingsForm();
    private final TrainingSession session = new TrainingSession();
    private final BitEditorModel bits = new BitEditorModel();
    private final ReadOnlyStringWrapper modelDescription = new ReadOnlyStringWrapper(this, "modelDescription", "");
    private final Optional<TrainedModel> pretrained;
    private final Predictor fallback;
    private final BooleanBinding canTrain;
    private final BooleanBinding running;
    private String openedFile;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final Deque<TrainingSettings> sweepQueue = new ArrayDeque<>();
    private int activeSweep; // the sweep whose runs are queued, or 0
    private int sweeps;
    private int currentRunSweep;
    private boolean stopRequested;
    private final ReadOnlyObjectWrapper<LengthGeneralisation.Result> lengths =
            new ReadOnlyObjectWrapper<>(this, "lengths");
    private final ReadOnlyBooleanWrapper measuringLengths =
            new ReadOnlyBooleanWrapper(this, "measuringLengths", false);

    public MainViewModel() {
        Optional<TrainedModel> bundled;
        try {
            bundled = Optional.of(PretrainedModel.load());
        } catch (ModelFileException e) {
            bundled = Optional.empty();
        }
        pretrained = bundled;
        fallback = new Predictor(pretrained.map(TrainedModel::parameters)
                .orElseGet(() -> ParameterSnapshot.untrained(BitEditorModel.LENGTH, 24, 1)));
        running = Bindings.createBooleanBinding(
                () -> session.getState() == TrainingSession.State.TRAINING || session.getState() == TrainingSession.State.PAUSED,
                session.stateProperty());
        canTrain = settings.validProperty().and(running.not());
        session.parametersProperty().addListener((obs, old, now) -> updateModel());
        session.stateProperty().addListener((obs, old, now) -> updateModel());
        session.curve().addListener((ListChangeListener<Object>) change -> updateModel());
        updateModel();
        pretrained.ifPresent(model -> session.evaluateHeldOut(model.parameters(), model.settings()));
        session.stateProperty().addListener((obs, old, now) -> {
            if (now == TrainingSession.State.FINISHED && (old == TrainingSession.State.TRAINING
                    || old == TrainingSession.State.PAUSED)) {
                recordRun();
            }
        });
        session.trainedModelProperty().addListener((obs, old, now) -> {
            // a full evaluation of the newest run lands in its table row
            if (now != null && now.testError() != null && !runs.isEmpty() && openedFile == null
                    && old != null && old.parameters() == now.parameters()) {
                RunRecord last = runs.get(runs.size() - 1);
                runs.set(runs.size() - 1, last.withTestError(now.testError()));
            }
        });
    }

    private void recordRun() {
        TrainedModel model = session.trainedModelProperty().get();
        if (model != null && !model.curve().isEmpty()) {
            runs.add(new RunRecord(runs.isEmpty() ? 1 : runs.get(runs.size() - 1).number() + 1, model.settings(),
                    model.curve(), model.trainSeconds(), model.testError(), currentRunSweep));
        }
        if (!sweepQueue.isEmpty() && !stopRequested) {
            Platform.runLater(this::startNext); // after this state change has been seen
        } else {
            sweepQueue.clear();
            activeSweep = 0;
        }
    }

    private void startNext() {
        TrainingSettings next = sweepQueue.poll();
        currentRunSweep = activeSweep;
        session.start(next);
    }

    /**
     * Trains one run per hidden size, one after another, with the other settings as they are; the
     * runs land in the run table, where the sweep chart plots their final error against size.
     */
    public boolean sweep(List<Integer> hiddenSizes, int epochs) {
        if (!canTrain.get() || hiddenSizes.isEmpty()) {
            return false;
        }
        TrainingSettings base = settings.settings().withEpochs(epochs);
        sweepQueue.clear();
        for (int hidden : hiddenSizes) {
            sweepQueue.add(base.withHidden(hidden).validated());
        }
        stopRequested = false;
        activeSweep = ++sweeps;
        startNext();
        return true;
    }

    public ObservableList<RunRecord> runs() {
        return runs;
    }


    private void updateModel() {
        ParameterSnapshot trained = session.parametersProperty().get();
        if (trained == null || trained.length() != BitEditorModel.LENGTH) {
            bits.predictorProperty().set(fallback);
            modelDescription.set(pretrained
                    .map(m -> Messages.get("bits.model.pretrained", m.testError() == null ? "?"
                            : String.format(Locale.getDefault(), "%.2f", m.testError())))
                    .orElseGet(() -> Messages.get("bits.model.untrained")));
            return;
        }
        if (bits.predictorProperty().get() == null || bits.predictorProperty().get().parameters() != trained) {
            bits.predictorProperty().set(new Predictor(trained));
        }
        int epochs = session.curve().size();
        if (running.get()) {
            openedFile = null;
            modelDescription.set(Messages.get("bits.model.training", epochs));
        } else {
            modelDescription.set(openedFile != null ? Messages.get("bits.model.loaded", openedFile)
                    : Messages.get("bits.model.trained", epochs));
        }
    }

    public void train() {
        if (canTrain.get()) {
            sweepQueue.clear();
            activeSweep = 0;
            currentRunSweep = 0;
            stopRequested = false;
            session.start(settings.settings());
        }
    }

    public void togglePause() {
        session.togglePause();
    }

    public void stop() {
        stopRequested = true; // also ends a sweep
        session.stop();
    }

    public void reset() {
        openedFile = null;
        session.reset();
        pretrained.ifPresent(model -> session.evaluateHeldOut(model.parameters(), model.settings()));
    }

    public void evaluateAll() {
        session.evaluateAll();
    }

    /** Saves the current model; the outcome is reported in the status line. */
    public boolean saveModel(Path file) {
        TrainedModel model = session.trainedModelProperty().get();
        if (model == null) {
            session.report(Messages.get("model.nothingToSave"));
            return false;
        }
        try {
            ModelFile.save(model, file);
            session.report(Messages.get("status.saved", file.getFileName()));
            return true;
        } catch (ModelFileException e) {
            session.report(Messages.get("status.saveFailed", e.getMessage()));
            return false;
        }
    }

    /** Opens a saved model: its curve goes to the chart and its weights to the bit editor. */
    public boolean openModel(Path file) {
        if (running.get()) {
            return false;
        }
        try {
            TrainedModel model = ModelFile.load(file);
            openedFile = file.getFileName().toString();
            session.show(model, openedFile);
            updateModel();
            return true;
        } catch (ModelFileException e) {
            session.report(Messages.get("status.openFailed", e.getMessage()));
            return false;
        }
    }

    /** Writes the current curve and every run of the session as CSV; reported in the status line. */
    public boolean exportCurves(Path file) {
        Map<String, List<EpochResult>> curves = new LinkedHashMap<>();
        if (!session.curve().isEmpty() && (running.get() || runs.isEmpty())) {
            curves.put(Messages.get("chart.error.series"), List.copyOf(session.curve()));
        }
        for (RunRecord run : runs) {
            curves.put(run.label(), run.curve());
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            CurveCsv.write(curves, out);
            session.report(Messages.get("status.exported", file.getFileName()));
            return true;
        } catch (IOException e) {
            session.report(Messages.get("status.exportFailed", e.getMessage()));
            return false;
        }
    }

    /** Counts strings of 10 to 30 bits with the model in the bit editor, in the background. */
    public void tryOtherLengths() {
        if (measuringLengths.get()) {
            return;
        }
        ParameterSnapshot model = bits.predictorProperty().get().parameters();
        Task<LengthGeneralisation.Result> task = new Task<>() {
            @Override
            protected LengthGeneralisation.Result call() {
                return LengthGeneralisation.evaluate(model, 10, 30, 5000, 1);
            }
        };
        task.setOnSucceeded(event -> {
            lengths.set(task.getValue());
            measuringLengths.set(false);
        });
        task.setOnFailed(event -> measuringLengths.set(false));
        measuringLengths.set(true);
        Thread thread = new Thread(task, "lengths");
        thread.setDaemon(true);
        thread.start();
    }

    public ReadOnlyObjectProperty<LengthGeneralisation.Result> lengthsProperty() {
        return lengths.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty measuringLengthsProperty() {
        return measuringLengths.getReadOnlyProperty();
    }

    public boolean hasModelToSave() {
        return session.trainedModelProperty().get() != null;
    }

    public void shutdown() {
        session.shutdown();
    }

    public SettingsForm settings() {
        return settings;
    }

    public TrainingSession session() {
        return session;
    }

    public BitEditorModel bits() {
        return bits;
    }

    public BooleanBinding canTrainProperty() {
        return canTrain;
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty modelDescriptionProperty() {
        return modelDescription.getReadOnlyProperty();
    }

}
