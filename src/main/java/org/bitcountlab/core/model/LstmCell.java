package org.bitcountlab.core.model;

/**
 * One string at a time through the trained LSTM, in plain Java: the single-example forward used for
 * prediction, step views and evaluation. It reads only an immutable {@link ParameterSnapshot}, so
 * any number of threads may use one instance (each with its own {@link State}).
 */
public final class LstmCell {

    private final ParameterSnapshot parameters;
    private final int hidden;
    private final int gates;
    private final int classes;
    private final float[] recurrentWeights;
    private final float[] biasForZero;
    private final float[] biasForOne;
    private final float[] scale;
    private final float[] shift;
    private final float[] outputWeights;
    private final float[] outputBias;

    public LstmCell(ParameterSnapshot parameters) {
        this.parameters = parameters;
        this.hidden = parameters.hidden();
        this.gates = LstmGates.COUNT * hidden;
        this.classes = parameters.classes();
        this.recurrentWeights = parameters.recurrentWeightsView();
        this.biasForZero = parameters.lstmBiasView();
        this.biasForOne = new float[gates];
        float[] inputWeights = parameters.inputWeightsView();
        for (int j = 0; j < gates; j++) {
            biasForOne[j] = biasForZero[j] + inputWeights[j];
        }
        this.scale = LstmGates.activationScale(hidden);
        this.shift = LstmGates.activationShift(hidden);
        this.outputWeights = parameters.outputWeightsView();
        this.outputBias = parameters.outputBiasView();
    }

    public ParameterSnapshot parameters() {
        return parameters;
    }

    public int hidden() {
        return hidden;
    }

    public int classes() {
        return classes;
    }

    /** Scratch and state for one thread: h and c for every depth 0..L, so prefixes can be reused. */
    public final class State {
        final float[][] h;
        final float[][] c;
        final float[] z = new float[gates];
        final float[] logits = new float[classes];

        State(int depth) {
            h = new float[depth + 1][hidden];
            c = new float[depth + 1][hidden];
        }

        public float[] hidden(int depth) {
            return h[depth];
        }

        public float[] cell(int depth) {
            return c[depth];
        }
    }

    public State newState() {
        return new State(parameters.length());
    }

    /** State for strings of another length: the LSTM itself runs for any number of steps. */
    public State newState(int depth) {
        return new State(depth);
    }

    /** Advances from depth {@code depth} to {@code depth + 1} on input {@code bit}. */
    public void step(State s, int depth, int bit) {
        float[] z = s.z;
        float[] hPrev = s.h[depth];
        float[] cPrev = s.c[depth];
        float[] hNext = s.h[depth + 1];
        float[] cNext = s.c[depth + 1];
        System.arraycopy(bit == 0 ? biasForZero : biasForOne, 0, z, 0, gates);
        for (int k = 0; k < hidden; k++) {
            float a = hPrev[k];
            int row = k * gates;
            for (int j = 0; j < gates; j++) {
                z[j] += a * recurrentWeights[row + j];
            }
        }
        for (int j = 0; j < gates; j++) {
            float m = scale[j];
            z[j] = m * FastMath.tanh(m * z[j]) + shift[j];
        }
        int f = LstmGates.FORGET * hidden;
        int o = LstmGates.OUTPUT * hidden;
        int i = LstmGates.INPUT * hidden;
        for (int u = 0; u < hidden; u++) {
            float cell = z[f + u] * cPrev[u] + z[i + u] * z[u];
            cNext[u] = cell;
            hNext[u] = z[o + u] * FastMath.tanh(cell);
        }
    }

    /** The dense layer on the hidden state at {@code depth}: unnormalised scores over the counts. */
    public float[] logits(State s, int depth) {
        float[] h = s.h[depth];
        float[] out = s.logits;
        System.arraycopy(outputBias, 0, out, 0, classes);
        for (int u = 0; u < hidden; u++) {
            float a = h[u];
            int row = u * classes;
            for (int k = 0; k < classes; k++) {
                out[k] += a * outputWeights[row + k];
            }
        }
        return out;
    }

    public int argmax(State s, int depth) {
        float[] out = logits(s, depth);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (out[k] > out[best]) {
                best = k;
            }
        }
        return best;
    }

    public double[] softmax(State s, int depth) {
        float[] out = logits(s, depth);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : out) {
            max = Math.max(max, v);
        }
        double[] p = new double[classes];
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[k] = Math.exp(out[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
