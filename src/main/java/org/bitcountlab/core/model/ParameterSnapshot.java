package org.bitcountlab.core.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable copy of all weights of the counting network: a recurrent layer (1 -> H, an LSTM or a
 * simple RNN) -> last step -> softmax(H -> L + 1). Arrays are row-major in DL4J's layout: for an
 * LSTM, its gate layout ({@link LstmGates}), 4H columns; for a simple RNN, H columns. It holds no
 * ND4J type, so it can be predicted from, saved and shared across threads without touching the
 * network that is training.
 */
public final class ParameterSnapshot {

    private final CellType cellType;
    private final int length;
    private final int hidden;
    private final float[] inputWeights;
    private final float[] recurrentWeights;
    private final float[] recurrentBias;
    private final float[] outputWeights;
    private final float[] outputBias;

    private ParameterSnapshot(CellType cellType, int length, int hidden, float[] flat) {
        this.cellType = cellType;
        this.length = length;
        this.hidden = hidden;
        int columns = cellType.blocksPerUnit() * hidden;
        int classes = length + 1;
        int offset = 0;
        inputWeights = Arrays.copyOfRange(flat, offset, offset += columns);
        recurrentWeights = Arrays.copyOfRange(flat, offset, offset += hidden * columns);
        recurrentBias = Arrays.copyOfRange(flat, offset, offset += columns);
        outputWeights = Arrays.copyOfRange(flat, offset, offset += hidden * classes);
        outputBias = Arrays.copyOfRange(flat, offset, offset + classes);
    }

    /** Parameters of the LSTM network. */
    public static int parameterCount(int length, int hidden) {
        return parameterCount(CellType.LSTM, length, hidden);
    }

    public static int parameterCount(CellType cellType, int length, int hidden) {
        int columns = cellType.blocksPerUnit() * hidden;
        int classes = length + 1;
        return columns + hidden * columns + columns + hidden * classes + classes;
    }

    /** LSTM weights in the order inputWeights, recurrentWeights, recurrentBias, outputWeights, outputBias. */
    public static ParameterSnapshot fromFlat(int length, int hidden, float[] flat) {
        return fromFlat(CellType.LSTM, length, hidden, flat);
    }

    /** The weights in the order inputWeights, recurrentWeights, recurrentBias, outputWeights, outputBias. */
    public static ParameterSnapshot fromFlat(CellType cellType, int length, int hidden, float[] flat) {
        int expected = parameterCount(cellType, length, hidden);
        if (flat.length != expected) {
            throw new IllegalArgumentException("A network with length " + length + " and hidden size " + hidden
                    + " has " + expected + " parameters, got " + flat.length);
        }
        for (float v : flat) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("The parameters contain a non-finite value (" + v + ")");
            }
        }
        return new ParameterSnapshot(cellType, length, hidden, flat);
    }

    public static ParameterSnapshot fromParts(int length, int hidden, float[] inputWeights, float[] recurrentWeights,
            float[] recurrentBias, float[] outputWeights, float[] outputBias) {
        return fromParts(CellType.LSTM, length, hidden, inputWeights, recurrentWeights, recurrentBias, outputWeights,
                outputBias);
    }

    public static ParameterSnapshot fromParts(CellType cellType, int length, int hidden, float[] inputWeights,
            float[] recurrentWeights, float[] recurrentBias, float[] outputWeights, float[] outputBias) {
        float[] flat = new float[parameterCount(cellType, length, hidden)];
        int offset = 0;
        for (float[] part : new float[][] {inputWeights, recurrentWeights, recurrentBias, outputWeights, outputBias}) {
            if (offset + part.length > flat.length) {
                throw new IllegalArgumentException("Parameter parts do not fit length " + length + ", hidden " + hidden);
            }
            System.arraycopy(part, 0, flat, offset, part.length);
            offset += part.length;
        }
        if (offset != flat.length) {
            throw new IllegalArgumentException("Parameter parts do not fit length " + length + ", hidden " + hidden);
        }
        return fromFlat(cellType, length, hidden, flat);
    }

    /**
     * Random weights in the spirit of DL4J's Xavier initialisation, with the forget-gate bias at 1:
     * what the bit editor shows before any training, computed without loading ND4J.
     */
    public static ParameterSnapshot untrained(int length, int hidden, long seed) {
        return untrained(CellType.LSTM, length, hidden, seed);
    }

    /** Random weights for either cell type; the forget-gate bias of 1 applies to the LSTM only. */
    public static ParameterSnapshot untrained(CellType cellType, int length, int hidden, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int columns = cellType.blocksPerUnit() * hidden;
        int classes = length + 1;
        float[] bias = new float[columns];
        if (cellType == CellType.LSTM) {
            Arrays.fill(bias, LstmGates.FORGET * hidden, (LstmGates.FORGET + 1) * hidden, 1f);
        }
        return fromParts(cellType, length, hidden,
                gaussian(random, columns, Math.sqrt(2.0 / (1 + columns))),
                gaussian(random, hidden * columns, Math.sqrt(2.0 / (hidden + columns))),
                bias,
                gaussian(random, hidden * classes, Math.sqrt(2.0 / (hidden + classes))),
                new float[classes]);
    }

    private static float[] gaussian(SplittableRandom random, int n, double std) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian on Java 17
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            values[i] = (float) (std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return values;
    }

    public CellType cellType() {
        return cellType;
    }

    public int length() {
        return length;
    }

    public int hidden() {
        return hidden;
    }

    public int classes() {
        return length + 1;
    }

    public float[] toFlat() {
        float[] flat = new float[parameterCount(cellType, length, hidden)];
        int offset = 0;
        for (float[] part : new float[][] {inputWeights, recurrentWeights, recurrentBias, outputWeights, outputBias}) {
            System.arraycopy(part, 0, flat, offset, part.length);
            offset += part.length;
        }
        return flat;
    }

    public float[] inputWeights() {
        return inputWeights.clone();
    }

    public float[] recurrentWeights() {
        return recurrentWeights.clone();
    }

    public float[] recurrentBias() {
        return recurrentBias.clone();
    }

    public float[] outputWeights() {
        return outputWeights.clone();
    }

    public float[] outputBias() {
        return outputBias.clone();
    }

    // Package-private views for the kernels, which never write to them.
    float[] inputWeightsView() {
        return inputWeights;
    }

    float[] recurrentWeightsView() {
        return recurrentWeights;
    }

    float[] recurrentBiasView() {
        return recurrentBias;
    }

    float[] outputWeightsView() {
        return outputWeights;
    }

    float[] outputBiasView() {
        return outputBias;
    }
}
