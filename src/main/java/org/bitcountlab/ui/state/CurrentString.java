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

    /** The length of the strings the window trains on, and of the string shown at first. */
    public static final int LENGTH = 20;
    /** The shortest and longest strings the bit editor shows: any length the recurrent layer can read. */
    public static final int SHORTEST = 1;
    public static final int LONGEST = 30;
    public static final String TUTORIAL_EXAMPLE = "10011011101001101110";

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value", BitStrings.parse(TUTORIAL_EXAMPLE, LENGTH));
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length", LENGTH);
    private final ReadOnlyIntegerWrapper trueCount = new ReadOnlyIntegerWrapper(this, "trueCount");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyObjectWrapper<StepTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final SplittableRandom random = new SplittableRandom();
    private final CurrentModel models;
    private Predictor predictor;
    private boolean updating;

    public CurrentString(CurrentModel models) {
        this.models = models;
        value.addListener((obs, old, now) -> {
            if (!updating) {
                update();
            }
        });
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
        int bits = length.get();
        int v = value.get() & ((1 << bits) - 1);
        trueCount.set(Integer.bitCount(v));
        prediction.set(predictor == null ? null : predictor.predict(v, bits));
        trace.set(predictor == null ? null : predictor.trace(v, bits));
    }

    public void flip(int step) {
        value.set(value.get() ^ (1 << (length.get() - 1 - step)));
    }

    /** One bit more, a 0 at the end; nothing beyond {@link #LONGEST} bits. */
    public void longer() {
        if (length.get() < LONGEST) {
            show(value.get() << 1, length.get() + 1);
        }
    }

    /** The last bit dropped; nothing below {@link #SHORTEST} bit. */
    public void shorter() {
        if (length.get() > SHORTEST) {
            show(value.get() >>> 1, length.get() - 1);
        }
    }

    /** Shows {@code bits} as a string of its own length, 1 to 30 digits 0 or 1. */
    public void show(String bits) {
        String digits = bits.strip();
        show(BitStrings.parse(digits, digits.length()), digits.length());
    }

    private void show(int newValue, int newLength) {
        if (newLength < SHORTEST || newLength > LONGEST) {
            throw new IllegalArgumentException("strings have " + SHORTEST + " to " + LONGEST + " bits, got " + newLength);
        }
        int masked = newValue & (int) ((1L << newLength) - 1);
        if (newLength == length.get()) {
            value.set(masked);
            return;
        }
        // the length, then the value: the prediction and the trace are made once, for both
        updating = true;
        try {
            length.set(newLength);
            value.set(masked);
        } finally {
            updating = false;
        }
        update();
    }

    public void allZero() {
        value.set(0);
    }

    public void allOne() {
        value.set((int) ((1L << length.get()) - 1));
    }

    public void randomise() {
        value.set((int) random.nextLong(1L << length.get()));
    }

    /** The tutorial's string, at its 20 bits. */
    public void tutorialExample() {
        show(TUTORIAL_EXAMPLE);
    }

    /** How many bits the string has: 20 unless shortened or lengthened. */
    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    /** The string as a number, most significant bit first, of {@link #lengthProperty() length} bits. */
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
