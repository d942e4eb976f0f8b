package org.bitcountlab.ui.state;

import java.util.SplittableRandom;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.model.StepTrace;

/**
 * The string a student is looking at, and what the model shown makes of it: the softmax and the
 * state after every step. Recomputed on the FX thread whenever the string or the model changes;
 * it reads an immutable snapshot in microseconds, so it never waits for training.
 */
public final class CurrentString {

    public static final int LENGTH = 20;
    public static final String TUTORIAL_EXAMPLE = "10011011101001101110";

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value", BitStrings.parse(TUTORIAL_EXAMPLE, LENGTH));
    private final ReadOnlyIntegerWrapper trueCount = new ReadOnlyIntegerWrapper(this, "trueCount");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyObjectWrapper<StepTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final SplittableRandom random = new SplittableRandom();
    private final CurrentModel models;
    private Predictor predictor;

    public CurrentString(CurrentModel models) {
        this.models = models;
        value.addListener((obs, old, now) -> update());
        models.modelProperty().addListener((obs, old, now) -> {
            if (now == null || old == null || now.model().parameters() != old.model().parameters()
                    || !now.silenced().equals(old.silenced())) {
                predict();
            }
        });
        update();
    }

    private void predict() {
        LabModel model = models.get();
        predictor = model == null || model.model().parameters().length() != LENGTH
                ? null : new Predictor(model.model().parameters(), model.silenced());
        update();
    }

    private void update() {
        int v = value.get() & ((1 << LENGTH) - 1);
        trueCount.set(Integer.bitCount(v));
        prediction.set(predictor == null ? null : predictor.predict(v));
        trace.set(predictor == null ? null : predictor.trace(v));
    }

    public void flip(int step) {
        value.set(value.get() ^ (1 << (LENGTH - 1 - step)));
    }

    public void allZero() {
        value.set(0);
    }

    public void allOne() {
        value.set((1 << LENGTH) - 1);
    }

    public void randomise() {
        value.set(random.nextInt(1 << LENGTH));
    }

    public void tutorialExample() {
        value.set(BitStrings.parse(TUTORIAL_EXAMPLE, LENGTH));
    }

    /** The string as a number, most significant bit first. */
    public IntegerProperty valueProperty() {
        return value;
    }

    public ReadOnlyIntegerProperty trueCountProperty() {
        return trueCount.getReadOnlyProperty();
    }

    /** The model's softmax for the string, or null while no model is loaded. */
    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** The state after every step for the string, or null while no model is loaded. */
    public ReadOnlyObjectProperty<StepTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }
}
