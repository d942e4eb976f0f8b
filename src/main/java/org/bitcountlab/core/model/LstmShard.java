package org.bitcountlab.core.model;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The LSTM forward and backward pass for a contiguous slice of the minibatch ("rows").
 *
 * <p>Everything is stored feature-major: a matrix for one timestep is [features x rows], so each
 * feature's values for all rows are contiguous. Matrix products go to OpenBLAS (the library ND4J
 * itself uses) as three sgemm calls per timestep on native buffers; the elementwise work runs in
 * Java as long flat loops ({@link LstmElementwise}) that the JIT vectorises, which needs them long:
 * per-example loops over 4H = 96 values are too short.
 *
 * <p>The weights are stacked as W = [bias; inputWeights; recurrentWeights], [K x 4H] with
 * K = 1 + nIn + H, and each timestep's input is the matching stack xh = [1; x_t; h_{t-1}], so one
 * product computes all gate pre-activations and one product returns all input gradients.
 *
 * <p>A shard is allocated for a number of rows (its capacity) and then serves any slice up to that
 * size, so a smaller last minibatch reuses it instead of allocating afresh.
 */
final class LstmShard implements AutoCloseable {

    final int capacity;
    int from;
    int rows;
    private final int inputSize;
    private final int hidden;
    private final int stepCapacity;
    private int steps;
    private final int width;
    private final int gates;

    // Java side, for the elementwise loops
    private final float[] stackedStep;      // [width x rows], one timestep
    private final GateBlocks[] gateValues;  // [steps], [hidden x rows] per gate
    private final float[][] cells;          // [steps][hidden x rows]
    private final float[][] cellTanh;       // [steps][hidden x rows]
    private final float[][] outputs;        // [steps][hidden x rows]
    private final float[] initialCell;      // [hidden x rows]
    private final float[] outputGradient;   // [hidden x rows], one timestep
    private final float[] hiddenGradient;   // [hidden x rows]
    private final float[] cellGradient;     // [hidden x rows]
    private final GateBlocks gateGradient;  // [hidden x rows] per gate
    private final float[] recurrentGradient; // [hidden x rows]: dL/dh_{t-1} through the recurrent weights
    final float[] weightGradient;           // [width x gates]

    // Native side, for sgemm: passing Java arrays would copy every operand in and out on each call
    private final FloatPointer nativeWeights;         // [width x gates]
    private final FloatPointer nativeStacked;         // [steps][width x rows]
    private final FloatPointer nativeGates;           // [gates x rows]
    private final FloatPointer nativeStackedGradient; // [width x rows]
    private final FloatPointer nativeWeightGradient;  // [width x gates]

    /** Room for {@code capacity} rows of strings of up to {@code steps} timesteps. */
    LstmShard(int capacity, int inputSize, int hidden, int steps) {
        OpenBlas.ready();
        this.capacity = capacity;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.stepCapacity = steps;
        this.steps = steps;
        this.width = 1 + inputSize + hidden;
        this.gates = LstmGates.COUNT * hidden;
        stackedStep = new float[width * capacity];
        gateValues = new GateBlocks[steps];
        for (int t = 0; t < steps; t++) {
            gateValues[t] = new GateBlocks(hidden * capacity);
        }
        cells = new float[steps][hidden * capacity];
        cellTanh = new float[steps][hidden * capacity];
        outputs = new float[steps][hidden * capacity];
        initialCell = new float[hidden * capacity];
        outputGradient = new float[hidden * capacity];
        hiddenGradient = new float[hidden * capacity];
        cellGradient = new float[hidden * capacity];
        gateGradient = new GateBlocks(hidden * capacity);
        recurrentGradient = new float[hidden * capacity];
        weightGradient = new float[width * gates];
        nativeWeights = new FloatPointer((long) width * gates);
        nativeStacked = new FloatPointer((long) steps * width * capacity);
        nativeGates = new FloatPointer((long) gates * capacity);
        nativeStackedGradient = new FloatPointer((long) width * capacity);
        nativeWeightGradient = new FloatPointer((long) width * gates);
    }

    /** The next minibatches' strings have {@code steps} timesteps, at most the capacity it was made with. */
    void steps(int steps) {
        if (steps < 1 || steps > stepCapacity) {
            throw new IllegalArgumentException(steps + " timesteps exceed the shard's capacity of " + stepCapacity);
        }
        this.steps = steps;
    }

    /** Serves rows [from, from + rows) of the next minibatches. */
    void assign(int from, int rows) {
        if (rows > capacity) {
            throw new IllegalArgumentException(rows + " rows exceed the shard's capacity of " + capacity);
        }
        this.from = from;
        this.rows = rows;
    }

    /**
     * Copies this shard's rows in. Arguments are feature-major over the whole batch: input
     * [steps][nIn][batch], initial hidden and cell [hidden][batch]; weights are [width][gates].
     */
    void load(float[] input, float[] initialHiddenT, float[] initialCellT, float[] weights, int batch) {
        Arrays.fill(stackedStep, 0, rows, 1f);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < inputSize; i++) {
                System.arraycopy(input, (t * inputSize + i) * batch + from, stackedStep, (1 + i) * rows, rows);
            }
            // rows of ones and inputs now; the hidden rows are written as the forward pass reaches them
            nativeStacked.position((long) t * width * rows).put(stackedStep, 0, (1 + inputSize) * rows);
        }
        for (int u = 0; u < hidden; u++) {
            System.arraycopy(initialHiddenT, u * batch + from, stackedStep, (1 + inputSize + u) * rows, rows);
            System.arraycopy(initialCellT, u * batch + from, initialCell, u * rows, rows);
        }
        nativeStacked.position((1L + inputSize) * rows).put(stackedStep, (1 + inputSize) * rows, hidden * rows);
        nativeWeights.position(0).put(weights, 0, weights.length);
    }

    /**
     * The forward pass over every timestep, asking {@code stop} before each: one shard of a large
     * network is seconds of work on a busy machine.
     *
     * @throws CancellationException once {@code stop} answers true; the shard's state is then incomplete
     */
    void forward(BooleanSupplier stop) {
        final int n = hidden * rows;
        final long hiddenRows = (1L + inputSize) * rows;
        for (int t = 0; t < steps; t++) {
            stopIfAsked(stop);
            GateBlocks a = gateValues[t];
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, gates, rows, width,
                    1f, nativeWeights.position(0), gates, nativeStacked.position((long) t * width * rows), rows,
                    0f, nativeGates.position(0), rows);
            a.read(nativeGates, n);
            LstmElementwise.activateGates(a, n);
            LstmElementwise.updateCell(a, t == 0 ? initialCell : cells[t - 1], cells[t], cellTanh[t], outputs[t], n);
            if (t + 1 < steps) {
                nativeStacked.position((t + 1L) * width * rows + hiddenRows).put(outputs[t], 0, n);
            }
        }
    }

    /** h at the last timestep, [hidden x rows]: what a many-to-one head reads. */
    float[] lastOutput() {
        return outputs[steps - 1];
    }

    /**
     * Backpropagation through time for a many-to-one network: {@code lastHiddenGradient} is dL/dh at
     * the last timestep, [hidden][batch]; the earlier timesteps' outputs feed nothing but the next
     * step. The weight gradients (stacked like the weights) end in {@link #weightGradient}. Asks
     * {@code stop} before every timestep.
     *
     * @throws CancellationException once {@code stop} answers true; the gradients are then incomplete
     */
    void backward(float[] lastHiddenGradient, int batch, BooleanSupplier stop) {
        final int n = hidden * rows;
        Arrays.fill(recurrentGradient, 0, n, 0f);
        Arrays.fill(cellGradient, 0, n, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            stopIfAsked(stop);
            if (t == steps - 1) {
                for (int u = 0; u < hidden; u++) {
                    System.arraycopy(lastHiddenGradient, u * batch + from, outputGradient, u * rows, rows);
                }
            } else if (t == steps - 2) {
                Arrays.fill(outputGradient, 0, n, 0f);
            }
            GateBlocks a = gateValues[t];
            float[] g = a.cellInput;
            float[] f = a.forget;
            float[] o = a.output;
            float[] in = a.input;
            float[] prevCell = t == 0 ? initialCell : cells[t - 1];
            float[] tanh = cellTanh[t];
            GateBlocks d = gateGradient;
            float[] dg = d.cellInput;
            float[] df = d.forget;
            float[] dO = d.output;
            float[] di = d.input;
            for (int i = 0; i < n; i++) {
                hiddenGradient[i] = outputGradient[i] + recurrentGradient[i];
            }
            for (int i = 0; i < n; i++) {
                cellGradient[i] += hiddenGradient[i] * o[i] * (1 - tanh[i] * tanh[i]);
            }
            for (int i = 0; i < n; i++) {
                dg[i] = cellGradient[i] * in[i] * (1 - g[i] * g[i]);
            }
            for (int i = 0; i < n; i++) {
                df[i] = cellGradient[i] * prevCell[i] * f[i] * (1 - f[i]);
            }
            for (int i = 0; i < n; i++) {
                dO[i] = hiddenGradient[i] * tanh[i] * o[i] * (1 - o[i]);
            }
            for (int i = 0; i < n; i++) {
                di[i] = cellGradient[i] * g[i] * in[i] * (1 - in[i]);
            }
            for (int i = 0; i < n; i++) {
                cellGradient[i] *= f[i];
            }
            d.write(nativeGates, n);
            // the gradient of the stacked input's hidden rows: nothing upstream wants the input's
            long firstRow = 1L + inputSize;
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, width - (int) firstRow, rows, gates,
                    1f, nativeWeights.position(firstRow * gates), gates, nativeGates, rows,
                    0f, nativeStackedGradient.position(firstRow * rows), rows);
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, width, gates, rows,
                    1f, nativeStacked.position((long) t * width * rows), rows, nativeGates, rows,
                    t == steps - 1 ? 0f : 1f, nativeWeightGradient.position(0), gates); // the first step overwrites
            nativeStackedGradient.position(firstRow * rows).get(recurrentGradient, 0, n);
        }
        nativeWeightGradient.position(0).get(weightGradient, 0, weightGradient.length);
    }

    private static void stopIfAsked(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("stopped within a shard");
        }
    }

    @Override
    public void close() {
        nativeWeights.close();
        nativeStacked.close();
        nativeGates.close();
        nativeStackedGradient.close();
        nativeWeightGradient.close();
    }
}
