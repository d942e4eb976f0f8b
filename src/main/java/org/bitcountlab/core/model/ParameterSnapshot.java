package org.bitcountlab.core.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable copy of all weights of the counting network: LSTM(1 -> H) -> last step ->
 * softmax(H -> L + 1). Arrays are row-major in DL4J's gate layout ({@link LstmGates}). It holds no
 * ND4J type, so it can be predicted from, saved and shared across threads without touching the
 * network that is training.
 */
public final class ParameterSnapshot {

    private final int length;
    private final int hidden;
    private final float[] inputWeights;
    private final float[] recurrentWeights;
    private final float[] lstmBias;
    private final float[] outputWeights;
    private final float[] outputBias;

    private ParameterSnapshot(int length, int hidden, float[] flat) {
        this.length = length;
        this.hidden = hidden;
        int gates = LstmGates.COUNT * hidden;
        int classes = length + 1;
        int offset = 0;
        inputWeights = Arrays.copyOfRange(flat, offset, offset += gates);
        recurrentWeights = Arrays.copyOfRange(flat, offset, offset += hidden * gates);
        lstmBias = Arrays.copyOfRange(flat, offset, offset += gates);
        outputWeights = Arrays.copyOfRange(flat, offset, offset += hidden * classes);
        outputBias = Arrays.copyOfRange(flat, offset, offset + classes);
    }

    public static int parameterCount(int length, int hidden) {
        int gates = LstmGates.COUNT * hidden;
        int classes = length + 1;
        return gates + hidden * gates + gates + hidden * classes + classes;
    }

    /** The weights in the order inputWeights, recurrentWeights, lstmBias, outputWeights, outputBias. */
    public static ParameterSnapshot fromFlat(int length, int hidden, float[] flat) {
        int expected = parameterCount(length, hidden);
        if (flat.length != expected) {
            throw new IllegalArgumentException("A network with length " + length + " and hidden size " + hidden
                    + " has " + expected + " parameters, got " + flat.length);
        }
        for (float v : flat) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("The parameters contain a non-finite value (" + v + ")");
            }
        }
        return new ParameterSnapshot(length, hidden, flat);
    }

    public static ParameterSnapshot fromParts(int length, int hidden, float[] inputWeights, float[] recurrentWeights,
            float[] lstmBias, float[] outputWeights, float[] outputBias) {
        float[] flat = new float[parameterCount(length, hidden)];
        int offset = 0;
        for (float[] part : new float[][] {inputWeights, recurrentWeights, lstmBias, outputWeights, outputBias}) {
            if (offset + part.length > flat.length) {
                throw new IllegalArgumentException("Parameter parts do not fit length " + length + ", hidden " + hidden);
            }
            System.arraycopy(part, 0, flat, offset, part.length);
            offset += part.length;
        }
        if (offset != flat.length) {
            throw new IllegalArgumentException("Parameter parts do not fit length " + length + ", hidden " + hidden);
        }
        return fromFlat(length, hidden, flat);
    }

    /**
     * Random weights in the spirit of DL4J's Xavier initialisation, with the forget-gate bias at 1:
     * what the bit editor shows before any training, computed without loading ND4J.
     */
    public static ParameterSnapshot untrained(int length, int hidden, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int gates = LstmGates.COUNT * hidden;
        int classes = length + 1;
        float[] lstmBias = new float[gates];
        Arrays.fill(lstmBias, LstmGates.FORGET * hidden, (LstmGates.FORGET + 1) * hidden, 1f);
        return fromParts(length, hidden,
                gaussian(random, gates, Math.sqrt(2.0 / (1 + gates))),
                gaussian(random, hidden * gates, Math.sqrt(2.0 / (hidden + gates))),
                lstmBias,
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
        float[] flat = new float[parameterCount(length, hidden)];
        int offset = 0;
        for (float[] part : new float[][] {inputWeights, recurrentWeights, lstmBias, outputWeights, outputBias}) {
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

    public float[] lstmBias() {
        return lstmBias.clone();
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

    float[] lstmBiasView() {
        return lstmBias;
    }

    float[] outputWeightsView() {
        return outputWeights;
    }

    float[] outputBiasView() {
        return outputBias;
    }
}
