package org.bitcountlab.core.model;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.util.Arrays;

import org.bytedeco.javacpp.FloatPointer;

/**
 * Predicted counts for many strings at once, sharing work between strings with a common prefix.
 *
 * <p>The LSTM state after a prefix does not depend on what follows, so for sorted strings the
 * states form a tree: level d holds one state per distinct d-bit prefix. Each level is computed
 * from its parents as one batched step (a matrix product and vectorised loops, as in training), so
 * all 2^20 strings cost about 2^21 steps instead of 20 x 2^20, and each step is batched. It runs
 * the same elementwise step as a single prediction; the batched products sum in another order, so
 * the two agree to float rounding (a count the model rates within a hair of another may differ).
 * It handles both cell types and
 * silenced units, so ablation changes the held-out error as it changes a single prediction.
 */
public final class PrefixTreeForward {

    private final ParameterSnapshot parameters;
    private final boolean lstm;
    private final int[] silenced;
    private final int length;
    private final int hidden;
    private final int gates;
    private final int classes;
    private final float[] weights; // [2 + H][columns]: bias, input, recurrent
    private final float[] outputWeights; // [H][classes]
    private final float[] outputBias;

    public PrefixTreeForward(ParameterSnapshot parameters) {
        this(parameters, SilencedUnits.none());
    }

    /** @param silenced units whose hidden output is forced to 0 at every step */
    public PrefixTreeForward(ParameterSnapshot parameters, SilencedUnits silenced) {
        OpenBlas.ready();
        silenced.checkFits(parameters.hidden());
        this.parameters = parameters;
        this.lstm = parameters.cellType() == CellType.LSTM;
        this.silenced = silenced.units();
        this.length = parameters.length();
        this.hidden = parameters.hidden();
        this.gates = parameters.cellType().blocksPerUnit() * hidden;
        this.classes = parameters.classes();
        this.weights = new float[(2 + hidden) * gates];
        System.arraycopy(parameters.recurrentBiasView(), 0, weights, 0, gates);
        System.arraycopy(parameters.inputWeightsView(), 0, weights, gates, gates);
        System.arraycopy(parameters.recurrentWeightsView(), 0, weights, 2 * gates, hidden * gates);
        this.outputWeights = parameters.outputWeightsView();
        this.outputBias = parameters.outputBiasView();
    }

    public ParameterSnapshot parameters() {
        return parameters;
    }

    /**
     * The predicted count (argmax of the softmax) for each of {@code sorted[from..to)}, which must
     * be in ascending order; written to {@code predicted[0..to - from)}. Safe to call from several
     * threads at once.
     */
    public void predictSorted(int[] sorted, int from, int to, int[] predicted) {
        if (to <= from) {
            return;
        }
        try (Workspace workspace = new Workspace(parameters, to - from)) {
            predictSorted(sorted, from, to, predicted, workspace);
        }
    }

    /**
     * As {@link #predictSorted(int[], int, int, int[])}, in the workspace {@code w}, which must {@link
     * Workspace#fits fit} this model and {@code to - from} strings; one thread at a time may use a
     * workspace.
     */
    public void predictSorted(int[] sorted, int from, int to, int[] predicted, Workspace w) {
        predictSorted(sorted, from, to, predicted, w, length);
    }

    /**
     * As {@link #predictSorted(int[], int, int, int[], Workspace)} for strings of {@code stringLength}
     * bits, 1 to 30, which need not be the length the model was trained on: the recurrent layer runs
     * for any number of steps, and the output layer names the same counts.
     */
    public void predictSorted(int[] sorted, int from, int to, int[] predicted, Workspace w, int stringLength) {
        if (stringLength < 1 || stringLength > 30) {
            throw new IllegalArgumentException("string length must be between 1 and 30, got " + stringLength);
        }
        int count = to - from;
        if (count <= 0) {
            return;
        }
        if (!w.fits(parameters, count)) {
            throw new IllegalArgumentException("the workspace does not fit " + count + " strings of this model");
        }
        w.load(this);
        int width = 2 + hidden;
        float[] parentH = w.parentH;
        float[] parentC = w.parentC;
        float[] h = w.h;
        float[] c = w.c;
        int[] parentPrefix = w.parentPrefix;
        int[] prefix = w.prefix;
        int[] parentOf = w.parentOf;
        float[] stacked = w.stacked;
        GateBlocks a = w.gateValues;
        float[] prevCell = w.prevCell;
        float[] tanh = w.cellTanh;
        FloatPointer nativeInput = w.nativeInput;
        FloatPointer nativeGates = w.nativeGates;
        parentPrefix[0] = 0;
        int parents = 1; // level 0: the empty prefix, zero state
        Arrays.fill(parentH, 0, hidden, 0f);
        Arrays.fill(parentC, 0, hidden, 0f);
        for (int depth = 1; depth <= stringLength; depth++) {
            int shift = stringLength - depth;
            // the distinct prefixes at this depth, each with its parent's index
            int nodes = 0;
            int parent = 0;
            int last = -1;
            for (int i = from; i < to; i++) {
                int p = sorted[i] >>> shift;
                if (p != last) {
                    while (parentPrefix[parent] != p >>> 1) {
                        parent++;
                    }
                    prefix[nodes] = p;
                    parentOf[nodes] = parent;
                    nodes++;
                    last = p;
                }
            }
            // stacked input [1; bit; h_parent] and the parents' cells, [features x nodes]
            for (int j = 0; j < nodes; j++) {
                stacked[j] = 1f;
                stacked[nodes + j] = prefix[j] & 1;
            }
            for (int u = 0; u < hidden; u++) {
                int target = (2 + u) * nodes;
                int source = u * parents;
                for (int j = 0; j < nodes; j++) {
                    stacked[target + j] = parentH[source + parentOf[j]];
                    prevCell[u * nodes + j] = parentC[source + parentOf[j]];
                }
            }
            nativeInput.position(0).put(stacked, 0, width * nodes);
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, gates, nodes, width,
                    1f, w.nativeWeights.position(0), gates, nativeInput.position(0), nodes,
                    0f, nativeGates.position(0), nodes);
            int n = hidden * nodes;
            if (lstm) {
                a.read(nativeGates, n);
                LstmElementwise.activateGates(a, n);
                LstmElementwise.updateCell(a, prevCell, c, tanh, h, n);
            } else {
                nativeGates.position(0).get(h, 0, n);
                LstmElementwise.tanh(h, n);
            }
            for (int unit : silenced) {
                Arrays.fill(h, unit * nodes, (unit + 1) * nodes, 0f);
            }
            float[] swap = parentH;
            parentH = h;
            h = swap;
            swap = parentC;
            parentC = c;
            c = swap;
            int[] swapPrefix = parentPrefix;
            parentPrefix = prefix;
            prefix = swapPrefix;
            parents = nodes;
        }
        // the output layer for all leaves (one per distinct string) as one product, [classes x leaves]
        int leaves = parents;
        nativeInput.position(0).put(parentH, 0, hidden * leaves);
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, classes, leaves, hidden,
                1f, w.nativeOutputWeights.position(0), classes, nativeInput.position(0), leaves,
                0f, w.nativeLogits.position(0), leaves);
        float[] logits = w.logits;
        w.nativeLogits.get(logits, 0, classes * leaves);
        // the older generation's prefix and cell buffers are free now, and long enough
        int[] best = prefix;
        float[] bestLogit = c;
        for (int j = 0; j < leaves; j++) {
            best[j] = 0;
            bestLogit[j] = logits[j] + outputBias[0];
        }
        for (int k = 1; k < classes; k++) {
            float bias = outputBias[k];
            int row = k * leaves;
            for (int j = 0; j < leaves; j++) {
                float logit = logits[row + j] + bias;
                if (logit > bestLogit[j]) { // strictly greater: ties go to the smaller count, as in Prediction
                    bestLogit[j] = logit;
                    best[j] = k;
                }
            }
        }
        int leaf = 0;
        for (int i = from; i < to; i++) {
            while (parentPrefix[leaf] != sorted[i]) {
                leaf++;
            }
            predicted[i - from] = best[leaf];
        }
    }

    /**
     * The arrays and OpenBLAS buffers that scoring a group of strings works in: two generations of
     * state swapped level by level, the gates, the logits, and the weights for OpenBLAS (copied in
     * when a forward pass other than the last one uses it). Reused from one group to the next and
     * from one model to the next of the same shape, since made anew for each group they came to
     * 1.2 KB a string, and under ZGC (the window's collector) the full test set's 1.2 GB of them made
     * it several times slower. Close it to free the native buffers.
     */
    public static final class Workspace implements AutoCloseable {

        private final CellType cellType;
        private final int hidden;
        private final int classes;
        private final int capacity;
        private final float[] parentH;
        private final float[] parentC;
        private final float[] h;
        private final float[] c;
        private final int[] parentPrefix;
        private final int[] prefix;
        private final int[] parentOf;
        private final float[] stacked;
        private final GateBlocks gateValues;
        private final float[] prevCell;
        private final float[] cellTanh;
        private final float[] logits;
        private final FloatPointer nativeWeights;
        private final FloatPointer nativeOutputWeights;
        private final FloatPointer nativeInput;
        private final FloatPointer nativeGates;
        private final FloatPointer nativeLogits;
        private PrefixTreeForward loaded;
        private boolean closed;

        /** Room for up to {@code capacity} strings at a time, for models of {@code shape}'s cell, size and length. */
        public Workspace(ParameterSnapshot shape, int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity " + capacity);
            }
            this.cellType = shape.cellType();
            this.hidden = shape.hidden();
            this.classes = shape.classes();
            this.capacity = capacity;
            int gates = cellType.blocksPerUnit() * hidden;
            int states = hidden * capacity;
            parentH = new float[states];
            parentC = new float[states];
            h = new float[states];
            c = new float[states];
            parentPrefix = new int[capacity];
            prefix = new int[capacity];
            parentOf = new int[capacity];
            stacked = new float[(2 + hidden) * capacity];
            gateValues = new GateBlocks(states);
            prevCell = new float[states];
            cellTanh = new float[states];
            logits = new float[classes * capacity];
            nativeWeights = new FloatPointer((long) (2 + hidden) * gates);
            nativeOutputWeights = new FloatPointer((long) hidden * classes);
            nativeInput = new FloatPointer((long) (2 + hidden) * capacity);
            nativeGates = new FloatPointer((long) gates * capacity);
            nativeLogits = new FloatPointer((long) classes * capacity);
        }

        /** Whether it can score {@code count} strings of a model like {@code parameters}: open, and large enough. */
        public boolean fits(ParameterSnapshot parameters, int count) {
            return !closed && parameters.cellType() == cellType && parameters.hidden() == hidden
                    && parameters.classes() == classes && count <= capacity;
        }

        private void load(PrefixTreeForward forward) {
            if (loaded != forward) {
                nativeWeights.position(0).put(forward.weights);
                nativeOutputWeights.position(0).put(forward.outputWeights);
                loaded = forward;
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            loaded = null;
            nativeWeights.close();
            nativeOutputWeights.close();
            nativeInput.close();
            nativeGates.close();
            nativeLogits.close();
        }
    }
}
