package org.bitcountlab.core.model;

/**
 * The LSTM cell's elementwise step on feature-major blocks of n = hidden x rows values, shared by
 * training ({@link LstmShard}) and batched inference ({@link PrefixTreeForward}). Each loop writes
 * one array at one offset, which keeps it vectorised; fusing them into one loop makes the JIT give
 * up and runs several times slower.
 */
final class LstmElementwise {

    private LstmElementwise() {
    }

    /** Gate pre-activations [cell input | forget | output | input], each n long, activated in place. */
    static void activateGates(float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = FastMath.tanh(a[i]);
        }
        for (int i = n; i < 4 * n; i++) {
            a[i] = FastMath.sigmoid(a[i]);
        }
    }

    /** c = f * c_prev + i * g, tanh(c), and h = o * tanh(c) from activated gates. */
    static void updateCell(float[] a, float[] prevCell, float[] cell, float[] cellTanh, float[] hidden, int n) {
        for (int i = 0; i < n; i++) {
            cell[i] = a[n + i] * prevCell[i] + a[3 * n + i] * a[i];
        }
        for (int i = 0; i < n; i++) {
            cellTanh[i] = FastMath.tanh(cell[i]);
        }
        for (int i = 0; i < n; i++) {
            hidden[i] = a[2 * n + i] * cellTanh[i];
        }
    }
}
