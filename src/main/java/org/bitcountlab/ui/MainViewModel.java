package org.bitcountlab.ui;

import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.training.ModelFileException;
import org.bitcountlab.core.training.PretrainedModel;
import org.bitcountlab.core.training.TrainedModel;

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
        session.curve().addListener((javafx.collections.ListChangeListener<Object>) change -> updateModel());
        updateModel();
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
        modelDescription.set(running.get() ? Messages.get("bits.model.training", epochs)
                : Messages.get("bits.model.trained", epochs));
    }

    public void train() {
        if (canTrain.get()) {
            session.start(settings.settings());
        }
    }

    public void togglePause() {
        session.togglePause();
    }

    public void stop() {
        session.stop();
    }

    public void reset() {
        session.reset();
    }

    public void evaluateAll() {
        session.evaluateAll();
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

    public Optional<TrainedModel> pretrained() {
        return pretrained;
    }
}
