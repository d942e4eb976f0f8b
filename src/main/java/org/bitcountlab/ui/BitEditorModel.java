package org.bitcountlab.ui;

import java.util.SplittableRandom;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.model.StepTrace;

/**
 * The bit editor's state: the string, its true count and the model's prediction for it. The
 * prediction is recomputed on the FX thread whenever the string or the weights change; it reads
 * an immutable snapshot and takes microseconds, so it never waits for training.
 */
public final class BitEditorModel {

    public static final int LENGTH = 20;
    public static final String TUTORIAL_EXAMPLE = "10011011101001101110";

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value", BitStrings.parse(TUTORIAL_EXAMPLE, LENGTH));
    private final ReadOnlyIntegerWrapper trueCount = new ReadOnlyIntegerWrapper(this, "trueCount");
    private final ObjectProperty<Predictor> predictor = new SimpleObjectProperty<>(this, "predictor");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyObjectWrapper<StepTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final SplittableRandom random = new SplittableRandom();

    public BitEditorModel() {
        value.addListener((obs, old, now) -> update());
        predictor.addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        int v = value.get() & ((1 << LENGTH) - 1);
        trueCount.set(Integer.bitCount(v));
        Predictor p = predictor.get();
        boolean usable = p != null && p.length() == LENGTH;
        prediction.set(usable ? p.predict(v) : null);
        trace.set(usable ? p.trace(v) : null);
    }

    public boolean bit(int step) {
        return BitStrings.bitAt(value.get(), LENGTH, step) == 1;
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

    public IntegerProperty valueProperty() {
        return value;
    }

    public ReadOnlyIntegerProperty trueCountProperty() {
        return trueCount.getReadOnlyProperty();
    }

    public ObjectProperty<Predictor> predictorProperty() {
        return predictor;
    }

    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** The hidden states and per-prefix predictions for the current string. */
    public ReadOnlyObjectProperty<StepTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Prediction getPrediction() {
        return prediction.get();
    }
}
