package org.bitcountlab.core.model;

/**
 * The LSTM cell's elementwise step on feature-major blocks of n = hidden x rows values, the one
 * implementation of it: training ({@link LstmShard}), batched scoring ({@link PrefixTreeForward})
 * and one string at a time ({@link LstmCell}, one row) all run it, and a simple RNN's activation
 * is its {@link #tanh}. Each loop writes
 * one whole array, which keeps it vectorised; fusing them into one loop makes the JIT give up and
 * runs several times slower.
 */
final class LstmElementwise {

    private LstmElementwise() {
    }

    /** Gate pre-activations, activated in place: tanh for the cell input, sigmoid for the gates. */
    static void activateGates(GateBlocks a, int n) {
        tanh(a.cellInput, n);
        sigmoid(a.forget, n);
        sigmoid(a.output, n);
        sigmoid(a.input, n);
    }

    /** c = f * c_prev + i * g, tanh(c), and h = o * tanh(c) from activated gates. */
    static void updateCell(GateBlocks a, float[] prevCell, float[] cell, float[] cellTanh, float[] hidden, int n) {
        float[] g = a.cellInput;
        float[] f = a.forget;
        float[] in = a.input;
        float[] o = a.output;
        for (int i = 0; i < n; i++) {
            cell[i] = FastMath.multiplyAdd(f[i], prevCell[i], in[i] * g[i]);
        }
        for (int i = 0; i < n; i++) {
            cellTanh[i] = FastMath.tanh(cell[i]);
        }
        for (int i = 0; i < n; i++) {
            hidden[i] = o[i] * cellTanh[i];
        }
    }

    static void tanh(float[] values, int n) {
        for (int i = 0; i < n; i++) {
            values[i] = FastMath.tanh(values[i]);
        }
    }

    private static void sigmoid(float[] values, int n) {
        for (int i = 0; i < n; i++) {
            values[i] = FastMath.sigmoid(values[i]);
        }
    }
}
