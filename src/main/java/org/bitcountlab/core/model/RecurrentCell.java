package org.bitcountlab.core.model;

/**
 * One string at a time through a trained network, in plain Java: the single-example forward used
 * for prediction, step views and evaluation. It reads only an immutable {@link ParameterSnapshot},
 * so any number of threads may use one instance (each with its own {@link State}). The recurrence
 * is the subclass's; the softmax layer and ablation are shared.
 */
public abstract sealed class RecurrentCell permits LstmCell, SimpleRnnCell {

    private final ParameterSnapshot parameters;
    private final SilencedUnits silenced;
    private final int[] silencedUnits;
    protected final int hidden;
    protected final int columns;
    private final int classes;
    private final float[] outputWeights;
    private final float[] outputBias;

    RecurrentCell(ParameterSnapshot parameters, SilencedUnits silenced) {
        silenced.checkFits(parameters.hidden());
        this.parameters = parameters;
        this.silenced = silenced;
        this.silencedUnits = silenced.units();
        this.hidden = parameters.hidden();
        this.columns = parameters.cellType().blocksPerUnit() * hidden;
        this.classes = parameters.classes();
        this.outputWeights = parameters.outputWeightsView();
        this.outputBias = parameters.outputBiasView();
    }

    /** The cell for the snapshot's cell type. */
    public static RecurrentCell of(ParameterSnapshot parameters) {
        return of(parameters, SilencedUnits.none());
    }

    public static RecurrentCell of(ParameterSnapshot parameters, SilencedUnits silenced) {
        return switch (parameters.cellType()) {
            case LSTM -> new LstmCell(parameters, silenced);
            case SIMPLE_RNN -> new SimpleRnnCell(parameters, silenced);
        };
    }

    public ParameterSnapshot parameters() {
        return parameters;
    }

    public SilencedUnits silenced() {
        return silenced;
    }

    public int hidden() {
        return hidden;
    }

    public int classes() {
        return classes;
    }

    /**
     * Scratch and state for one thread: h and c for every depth 0..L, so prefixes can be reused. A
     * simple RNN's whole state is its hidden state, so there {@link #cell} is {@link #hidden}.
     */
    public final class State {
        final float[][] h;
        final float[][] c;
        final float[] z = new float[columns];
        final float[] logits = new float[classes];
        /** An LSTM's activated gates and tanh(c) for one step; null for a simple RNN. */
        final GateBlocks gates;
        final float[] cellTanh;

        State(int depth) {
            h = new float[depth + 1][hidden];
            boolean lstm = parameters.cellType().hasCellState();
            c = lstm ? new float[depth + 1][hidden] : h;
            gates = lstm ? new GateBlocks(hidden) : null;
            cellTanh = lstm ? new float[hidden] : null;
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

    /** State for strings of another length: the recurrent layer itself runs for any number of steps. */
    public State newState(int depth) {
        return new State(depth);
    }

    /** Advances from depth {@code depth} to {@code depth + 1} on input {@code bit}. */
    public final void step(State s, int depth, int bit) {
        advance(s, depth, bit);
        float[] h = s.h[depth + 1];
        for (int unit : silencedUnits) {
            h[unit] = 0f;
        }
    }

    /** The recurrence: writes h (and c) at {@code depth + 1} from depth {@code depth} and the bit. */
    abstract void advance(State s, int depth, int bit);

    /** z += h_prev RW, the recurrent part of every column's pre-activation. */
    final void addRecurrent(float[] z, float[] hPrev, float[] recurrentWeights) {
        for (int k = 0; k < hidden; k++) {
            float a = hPrev[k];
            int row = k * columns;
            for (int j = 0; j < columns; j++) {
                z[j] += a * recurrentWeights[row + j];
            }
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
