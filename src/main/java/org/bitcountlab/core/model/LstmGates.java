package org.bitcountlab.core.model;

/**
 * DL4J's gate layout. Its LSTM packs the four gates into 4H columns in this order: the cell input
 * (tanh), the forget gate, the output gate and the input gate (sigmoid, DL4J's "input modulation
 * gate"). Weights are [nIn, 4H] and [H, 4H], the bias [4H]. Keeping the same layout lets a
 * parameter vector move between the stock layer, the fused layer and the plain-Java predictor.
 */
public final class LstmGates {

    public static final int CELL_INPUT = 0;
    public static final int FORGET = 1;
    public static final int OUTPUT = 2;
    public static final int INPUT = 3;
    public static final int COUNT = 4;

    private LstmGates() {
    }

    /**
     * Per-column coefficients m and s such that a = m * tanh(m * z) + s is each column's activation:
     * tanh for the cell input (m = 1, s = 0), sigmoid for the gates (m = s = 0.5). One loop then
     * activates a whole row of 4H pre-activations.
     */
    public static float[] activationScale(int hidden) {
        float[] m = new float[COUNT * hidden];
        for (int j = 0; j < m.length; j++) {
            m[j] = j < hidden ? 1f : 0.5f;
        }
        return m;
    }

    public static float[] activationShift(int hidden) {
        float[] s = new float[COUNT * hidden];
        for (int j = hidden; j < s.length; j++) {
            s[j] = 0.5f;
        }
        return s;
    }
}
