package org.bitcountlab.core.model;

import java.util.Locale;

/**
 * The recurrent layer the counting network uses. Both read one bit per step and hand their last
 * hidden state to the same softmax layer; only the recurrence differs.
 */
public enum CellType {
    /** DL4J's LSTM: four gates and a cell state that can carry a count unchanged across many steps. */
    LSTM(4, true),
    /** DL4J's {@code SimpleRnn}: h = tanh(x W + h_prev RW + b), no gates and no cell state. */
    SIMPLE_RNN(1, false);

    private final int blocksPerUnit;
    private final boolean hasCellState;

    CellType(int blocksPerUnit, boolean hasCellState) {
        this.blocksPerUnit = blocksPerUnit;
        this.hasCellState = hasCellState;
    }

    /** Columns per unit in the input and recurrent weights and the bias: 4 gates for an LSTM, 1 for a simple RNN. */
    public int blocksPerUnit() {
        return blocksPerUnit;
    }

    public boolean hasCellState() {
        return hasCellState;
    }

    /** The name used on the command line and in JSON: {@code lstm} or {@code rnn}. */
    public String id() {
        return this == LSTM ? "lstm" : "rnn";
    }

    public static CellType fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (CellType type : values()) {
            if (type.id().equals(wanted) || type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown cell type '" + id + "'; choose lstm or rnn");
    }
}
