package org.bitcountlab.ui.biteditor;


import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.core.model.TutorialPrintout;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.CurrentString;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.state.ModelNames;

/** The bit editor and the softmax chart: the string, its true count, the answer and which model gave it. */
public final class BitEditorViewModel {

    private final CurrentString string;
    private final ObjectBinding<Message> trueCount;
    private final ObjectBinding<Message> answer;
    private final ObjectBinding<Message> modelDescription;
    private final ObjectBinding<Message> tutorialAnswer;
    private final ObjectBinding<Message> lengthText;

    public BitEditorViewModel(CurrentString string, CurrentModel models, CurrentRun run) {
        this.string = string;
        trueCount = Bindings.createObjectBinding(() -> new Message("bits.trueCount", string.trueCountProperty().get()),
                string.trueCountProperty());
        answer = Bindings.createObjectBinding(() -> {
            Prediction prediction = string.predictionProperty().get();
            if (prediction == null) {
                return null;
            }
            int count = prediction.predictedCount();
            int largest = prediction.probabilities().length - 1;
            if (prediction.trueCount() > largest) { // more ones than it has counts for: it cannot be right
                return new Message("bits.predicted.beyond", count, 100 * prediction.probability(count), largest);
            }
            return new Message(prediction.correct() ? "bits.predicted.right" : "bits.predicted.wrong",
                    count, 100 * prediction.probability(count));
        }, string.predictionProperty());
        lengthText = Bindings.createObjectBinding(() -> new Message("bits.length", string.lengthProperty().get()),
                string.lengthProperty());
        tutorialAnswer = Bindings.createObjectBinding(() -> {
            if (string.lengthProperty().get() != CurrentString.LENGTH
                    || !TutorialPrintout.isExample(string.valueProperty().get(), CurrentString.LENGTH)) {
                return null;
            }
            Prediction printed = TutorialPrintout.prediction();
            int count = printed.predictedCount();
            return new Message("bits.tutorialPrinted", count, 100 * printed.probability(count));
        }, string.valueProperty(), string.lengthProperty());
        modelDescription = Bindings.createObjectBinding(() -> withSilenced(models.get(), run.curve().size()),
                models.modelProperty(), run.curve());
    }

    /** Units silenced on the counter's tab change every answer here; the line under them says so. */
    private static Message withSilenced(LabModel model, int epochs) {
        Message described = describe(model, epochs);
        return model == null || model.silenced().isEmpty() ? described
                : new Message("bits.model.silenced", described, ModelNames.silencedList(model));
    }

    private static Message describe(LabModel model, int epochs) {
        if (model == null) {
            return new Message("bits.model.loading");
        }
        return switch (model.origin()) {
            case PRETRAINED -> model.testError() == null ? new Message("bits.model.pretrainedUnmeasured")
                    : new Message("bits.model.pretrained", model.testError());
            case UNTRAINED -> new Message("bits.model.untrained");
            case TRAINING -> new Message("bits.model.training", epochs);
            case TRAINED -> new Message("bits.model.trained", model.model().curve().size());
            case OPENED -> new Message("bits.model.loaded", model.name());
        };
    }

    public IntegerProperty valueProperty() {
        return string.valueProperty();
    }

    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return string.predictionProperty();
    }

    /** True when the answer is right, false when wrong, null while there is none. */
    public Boolean answerIsRight() {
        Prediction prediction = string.predictionProperty().get();
        return prediction == null ? null : prediction.correct();
    }

    public ObjectBinding<Message> trueCountProperty() {
        return trueCount;
    }

    /** "Predicted: 12 (98.8%), right", or null while no model is loaded. */
    public ObjectBinding<Message> answerProperty() {
        return answer;
    }

    /** What the tutorial printed for the string, when it is the tutorial's example; else null. */
    public ObjectBinding<Message> tutorialAnswerProperty() {
        return tutorialAnswer;
    }

    public ObjectBinding<Message> modelDescriptionProperty() {
        return modelDescription;
    }

    public void flip(int step) {
        string.flip(step);
    }

    public void allZero() {
        string.allZero();
    }

    public void allOne() {
        string.allOne();
    }

    public void randomise() {
        string.randomise();
    }

    public void tutorialExample() {
        string.tutorialExample();
    }

    /** How many bits the string has: 20, or fewer or more to see what the network makes of other lengths. */
    public ReadOnlyIntegerProperty lengthProperty() {
        return string.lengthProperty();
    }

    /** "20 bits". */
    public ObjectBinding<Message> lengthTextProperty() {
        return lengthText;
    }

    public void shorter() {
        string.shorter();
    }

    public void longer() {
        string.longer();
    }

    /** Shows a string of its own length: 1 to 30 digits 0 or 1. */
    public void show(String bits) {
        string.show(bits);
    }
}
