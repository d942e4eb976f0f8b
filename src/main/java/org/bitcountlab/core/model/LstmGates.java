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
}
