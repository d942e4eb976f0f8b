package org.bitcountlab.core.model;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The four gate blocks of one LSTM step, n = hidden x rows values each, in
 * {@link LstmGates} order. They are four arrays rather than four ranges of one: the JIT
 * vectorises a loop over whole arrays, but not one that reads a block at an offset into a shared
 * array, which ran four to five times slower.
 */
final class GateBlocks {

    final float[] cellInput;
    final float[] forget;
    final float[] output;
    final float[] input;

    GateBlocks(int capacity) {
        cellInput = new float[capacity];
        forget = new float[capacity];
        output = new float[capacity];
        input = new float[capacity];
    }

    /** Reads the blocks from a [4 x n] product, block after block. */
    void read(FloatPointer gates, int n) {
        gates.position(0).get(cellInput, 0, n);
        gates.position(n).get(forget, 0, n);
        gates.position(2L * n).get(output, 0, n);
        gates.position(3L * n).get(input, 0, n);
        gates.position(0);
    }

    /** Reads the blocks from one row of 4n pre-activations, block after block. */
    void read(float[] gates, int n) {
        System.arraycopy(gates, 0, cellInput, 0, n);
        System.arraycopy(gates, n, forget, 0, n);
        System.arraycopy(gates, 2 * n, output, 0, n);
        System.arraycopy(gates, 3 * n, input, 0, n);
    }

    /** Writes the blocks as a [4 x n] matrix, block after block. */
    void write(FloatPointer gates, int n) {
        gates.position(0).put(cellInput, 0, n);
        gates.position(n).put(forget, 0, n);
        gates.position(2L * n).put(output, 0, n);
        gates.position(3L * n).put(input, 0, n);
        gates.position(0);
    }
}
