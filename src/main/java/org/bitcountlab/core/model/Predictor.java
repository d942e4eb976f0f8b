package org.bitcountlab.core.model;

import org.bitcountlab.core.dataset.BitStrings;

/**
 * Predictions from a parameter snapshot, optionally with some units silenced; safe to call from any
 * thread while training goes on.
 */
public final class Predictor {

    private final RecurrentCell cell;

    public Predictor(ParameterSnapshot parameters) {
        this(parameters, SilencedUnits.none());
    }

    /** @param silenced units whose hidden output is forced to 0 at every step */
    public Predictor(ParameterSnapshot parameters, SilencedUnits silenced) {
        this.cell = RecurrentCell.of(parameters, silenced);
    }

    public ParameterSnapshot parameters() {
        return cell.parameters();
    }

    public SilencedUnits silenced() {
        return cell.silenced();
    }

    public int length() {
        return cell.parameters().length();
    }

    public Prediction predict(int value) {
        return predict(value, length());
    }

    /**
     * The softmax for a string of {@code length} bits, 1 to 30, which need not be the length the
     * model was trained on: the recurrent layer runs for any number of steps.
     */
    public Prediction predict(int value, int length) {
        checkValue(value, length);
        RecurrentCell.State state = cell.newState(length);
        for (int step = 0; step < length; step++) {
            cell.step(state, step, BitStrings.bitAt(value, length, step));
        }
        return new Prediction(value, length, cell.softmax(state, length));
    }

    public Prediction predict(String bits) {
        return predict(BitStrings.parse(bits, length()));
    }

    public StepTrace trace(int value) {
        return trace(value, length());
    }

    /** The state after every step of a string of {@code length} bits, 1 to 30. */
    public StepTrace trace(int value, int length) {
        checkValue(value, length);
        RecurrentCell.State state = cell.newState(length);
        float[][] hidden = new float[length][];
        float[][] cells = new float[length][];
        double[][] predictions = new double[length][];
        for (int step = 0; step < length; step++) {
            cell.step(state, step, BitStrings.bitAt(value, length, step));
            hidden[step] = state.hidden(step + 1).clone();
            cells[step] = state.cell(step + 1).clone();
            predictions[step] = cell.softmax(state, step + 1);
        }
        return new StepTrace(value, length, hidden, cells, predictions);
    }

    private static void checkValue(int value, int length) {
        if (length < 1 || length > 30) {
            throw new IllegalArgumentException("length must be between 1 and 30, got " + length);
        }
        if (value < 0 || value >= (1 << length)) {
            throw new IllegalArgumentException("value " + value + " is not a bit string of length " + length);
        }
    }
}
