package org.bitcountlab.core.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.FwdPassReturn;
import org.deeplearning4j.nn.layers.recurrent.LSTMHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LSTM's forward and backward pass as a few tight loops over plain float arrays, plugged into
 * DL4J's own {@link org.deeplearning4j.nn.layers.recurrent.LSTM} through its helper seam.
 *
 * <p>The stock layer issues a dozen small ND4J operations per timestep, and at these sizes their
 * dispatch costs more than the arithmetic. Here a timestep is one pass per example: a row of 4H
 * pre-activations, one activation loop, one cell update. Examples are independent, so the batch is
 * split into shards that run on all cores; each shard sums its own weight gradients.
 *
 * <p>DL4J runs the forward pass twice per {@code fit}: once for the score and again inside
 * backprop. The second call finds the first one's activations (same input, same weights, compared
 * exactly) and reuses them. Cases the kernel does not handle (masks, peepholes, other activations,
 * truncated BPTT, backwards direction, non-float data) return {@code null}, which makes DL4J run its
 * built-in implementation.
 */
final class FusedLstmHelper implements LSTMHelper {

    private static final int MIN_ROWS_PER_SHARD = 32;

    private int batch;
    private int inputSize;
    private int hidden;
    private int steps;
    private float[] input = new float[0];          // [batch][inputSize][steps]
    private float[] inputWeights = new float[0];   // [inputSize][4H]
    private float[] recurrentWeights = new float[0]; // [H][4H]
    private float[] bias = new float[0];           // [4H]
    private float[] initialHidden = new float[0];  // [batch][H]
    private float[] initialCell = new float[0];    // [batch][H]
    private float[] activations = new float[0];   // [steps][batch][4H]; gate deltas after backward
    private float[] cells = new float[0];         // [steps][batch][H]
    private float[] cellTanh = new float[0];      // [steps][batch][H]
    private float[] outputs = new float[0];       // [steps][batch][H]
    private float[] scale = new float[0];
    private float[] shift = new float[0];
    private boolean activationsValid;
    private int forwardPasses;
    private int backwardPasses;

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public boolean checkSupported(IActivation gateActivationFn, IActivation activationFn, boolean hasPeepholeConnections) {
        return gateActivationFn instanceof ActivationSigmoid && activationFn instanceof ActivationTanH
                && !hasPeepholeConnections;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        long floats = (long) input.length + activations.length + cells.length + cellTanh.length + outputs.length;
        return Map.of("fusedLstmCache", floats * Float.BYTES);
    }

    @Override
    public FwdPassReturn activate(Layer layer, NeuralNetConfiguration conf, IActivation gateActivationFn,
            INDArray input, INDArray recurrentWeights, INDArray inputWeights, INDArray biases, boolean training,
            INDArray prevOutputActivations, INDArray prevMemCellState, boolean forBackprop, boolean forwards,
            String inputWeightKey, INDArray maskArray, boolean hasPeepholeConnections,
            LayerWorkspaceMgr workspaceMgr) {
        IActivation activationFn = ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf.getLayer()).getActivationFn();
        if (!checkSupported(gateActivationFn, activationFn, hasPeepholeConnections) || maskArray != null
                || !forwards || input.rank() != 3 || input.dataType() != DataType.FLOAT
                || recurrentWeights.size(1) != 4 * recurrentWeights.size(0)) {
            return null;
        }
        boolean unchanged = loadForward(input, inputWeights, recurrentWeights, biases, prevOutputActivations,
                prevMemCellState);
        if (!(unchanged && activationsValid)) {
            forward();
            forwardPasses++;
            activationsValid = true;
        }

        FusedPass ret = new FusedPass();
        INDArray timeMajor = workspaceMgr.create(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {steps, batch, hidden}, 'c');
        put(timeMajor, outputs, 0, outputs.length);
        ret.fwdPassOutput = timeMajor.permute(1, 2, 0);
        ret.lastAct = workspaceMgr.create(ArrayType.FF_WORKING_MEM, DataType.FLOAT, new long[] {batch, hidden}, 'c');
        put(ret.lastAct, outputs, (steps - 1) * batch * hidden, batch * hidden);
        ret.lastMemCell = workspaceMgr.create(ArrayType.FF_WORKING_MEM, DataType.FLOAT, new long[] {batch, hidden}, 'c');
        put(ret.lastMemCell, cells, (steps - 1) * batch * hidden, batch * hidden);
        ret.prevAct = prevOutputActivations;
        ret.prevMemCell = prevMemCellState;
        return ret;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(NeuralNetConfiguration conf, IActivation gateActivationFn,
            INDArray input, INDArray recurrentWeights, INDArray inputWeights, INDArray epsilon, boolean truncatedBPTT,
            int tbpttBackwardLength, FwdPassReturn fwdPass, boolean forwards, String inputWeightKey,
            String recurrentWeightKey, String biasWeightKey, Map<String, INDArray> gradientViews, INDArray maskArray,
            boolean hasPeepholeConnections, LayerWorkspaceMgr workspaceMgr) {
        if (!(fwdPass instanceof FusedPass) || truncatedBPTT || maskArray != null || epsilon.rank() != 3
                || !activationsValid) {
            return null;
        }
        activationsValid = false; // backward overwrites the activations with gate deltas
        backwardPasses++;
        float[] outputGradient = floats(epsilon.permute(2, 0, 1)); // [steps][batch][H]

        int gates = 4 * hidden;
        int shards = shardCount(batch);
        float[][] inputWeightGrad = new float[shards][inputSize * gates];
        float[][] recurrentWeightGrad = new float[shards][hidden * gates];
        float[][] biasGrad = new float[shards][gates];
        float[] inputGradient = new float[batch * inputSize * steps];
        float[] recurrentWeightsT = transpose(this.recurrentWeights, hidden, gates);
        IntStream.range(0, shards).parallel().forEach(s -> backwardRows(
                s * batch / shards, (s + 1) * batch / shards, outputGradient, recurrentWeightsT,
                inputWeightGrad[s], recurrentWeightGrad[s], biasGrad[s], inputGradient));
        for (int s = 1; s < shards; s++) {
            addInto(inputWeightGrad[0], inputWeightGrad[s]);
            addInto(recurrentWeightGrad[0], recurrentWeightGrad[s]);
            addInto(biasGrad[0], biasGrad[s]);
        }

        INDArray iwGradients = gradientViews.get(inputWeightKey);
        INDArray rwGradients = gradientViews.get(recurrentWeightKey);
        INDArray bGradients = gradientViews.get(biasWeightKey);
        assign(iwGradients, inputWeightGrad[0]);
        assign(rwGradients, recurrentWeightGrad[0]);
        assign(bGradients, biasGrad[0]);

        INDArray epsilonNext = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {batch, inputSize, steps}, 'c');
        put(epsilonNext, inputGradient, 0, inputGradient.length);

        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(inputWeightKey, iwGradients);
        gradient.gradientForVariable().put(recurrentWeightKey, rwGradients);
        gradient.gradientForVariable().put(biasWeightKey, bGradients);
        return new Pair<>(gradient, epsilonNext);
    }

    /** Forward passes computed here (a reused one does not count). */
    int forwardPasses() {
        return forwardPasses;
    }

    int backwardPasses() {
        return backwardPasses;
    }

    /** Copies the forward pass's inputs; true if they equal the ones the cached activations came from. */
    private boolean loadForward(INDArray in, INDArray iw, INDArray rw, INDArray b, INDArray h0, INDArray c0) {
        int newBatch = (int) in.size(0);
        int newInputSize = (int) in.size(1);
        int newSteps = (int) in.size(2);
        int newHidden = (int) rw.size(0);
        boolean sameShape = newBatch == batch && newInputSize == inputSize && newSteps == steps && newHidden == hidden;
        batch = newBatch;
        inputSize = newInputSize;
        steps = newSteps;
        hidden = newHidden;
        float[] newInput = floats(in);
        float[] newInputWeights = floats(iw);
        float[] newRecurrentWeights = floats(rw);
        float[] newBias = floats(b);
        float[] newH0 = h0 == null ? new float[batch * hidden] : floats(h0);
        float[] newC0 = c0 == null ? new float[batch * hidden] : floats(c0);
        boolean unchanged = sameShape && Arrays.equals(newInput, input) && Arrays.equals(newInputWeights, inputWeights)
                && Arrays.equals(newRecurrentWeights, recurrentWeights) && Arrays.equals(newBias, bias)
                && Arrays.equals(newH0, initialHidden) && Arrays.equals(newC0, initialCell);
        input = newInput;
        inputWeights = newInputWeights;
        recurrentWeights = newRecurrentWeights;
        bias = newBias;
        initialHidden = newH0;
        initialCell = newC0;
        if (!sameShape) {
            activations = new float[steps * batch * 4 * hidden];
            cells = new float[steps * batch * hidden];
            cellTanh = new float[steps * batch * hidden];
            outputs = new float[steps * batch * hidden];
            scale = LstmGates.activationScale(hidden);
            shift = LstmGates.activationShift(hidden);
        }
        return unchanged;
    }

    private void forward() {
        int shards = shardCount(batch);
        IntStream.range(0, shards).parallel()
                .forEach(s -> forwardRows(s * batch / shards, (s + 1) * batch / shards));
    }

    private void forwardRows(int from, int to) {
        final int h = hidden;
        final int gates = 4 * h;
        final int f = LstmGates.FORGET * h;
        final int o = LstmGates.OUTPUT * h;
        final int in = LstmGates.INPUT * h;
        for (int t = 0; t < steps; t++) {
            for (int b = from; b < to; b++) {
                final int z = (t * batch + b) * gates;
                final int cur = (t * batch + b) * h;
                final float[] prevH = t == 0 ? initialHidden : outputs;
                final float[] prevC = t == 0 ? initialCell : cells;
                final int prev = t == 0 ? b * h : ((t - 1) * batch + b) * h;

                System.arraycopy(bias, 0, activations, z, gates);
                for (int i = 0; i < inputSize; i++) {
                    axpy(input[(b * inputSize + i) * steps + t], inputWeights, i * gates, activations, z, gates);
                }
                for (int k = 0; k < h; k++) {
                    axpy(prevH[prev + k], recurrentWeights, k * gates, activations, z, gates);
                }
                for (int j = 0; j < gates; j++) {
                    float m = scale[j];
                    activations[z + j] = m * FastMath.tanh(m * activations[z + j]) + shift[j];
                }
                for (int u = 0; u < h; u++) {
                    float c = activations[z + f + u] * prevC[prev + u] + activations[z + in + u] * activations[z + u];
                    float tc = FastMath.tanh(c);
                    cells[cur + u] = c;
                    cellTanh[cur + u] = tc;
                    outputs[cur + u] = activations[z + o + u] * tc;
                }
            }
        }
    }

    private void backwardRows(int from, int to, float[] outputGradient, float[] recurrentWeightsT,
            float[] inputWeightGrad, float[] recurrentWeightGrad, float[] biasGrad,
            float[] inputGradient) {
        final int h = hidden;
        final int gates = 4 * h;
        final int f = LstmGates.FORGET * h;
        final int o = LstmGates.OUTPUT * h;
        final int in = LstmGates.INPUT * h;
        final int rows = to - from;
        final float[] dhNext = new float[rows * h];
        final float[] dcNext = new float[rows * h];
        for (int t = steps - 1; t >= 0; t--) {
            for (int b = from; b < to; b++) {
                final int z = (t * batch + b) * gates;
                final int cur = (t * batch + b) * h;
                final int r = (b - from) * h;
                final float[] prevH = t == 0 ? initialHidden : outputs;
                final float[] prevC = t == 0 ? initialCell : cells;
                final int prev = t == 0 ? b * h : ((t - 1) * batch + b) * h;

                for (int u = 0; u < h; u++) {
                    float dh = outputGradient[cur + u] + dhNext[r + u];
                    float g = activations[z + u];
                    float fg = activations[z + f + u];
                    float og = activations[z + o + u];
                    float ig = activations[z + in + u];
                    float tc = cellTanh[cur + u];
                    float dc = dh * og * (1 - tc * tc) + dcNext[r + u];
                    dcNext[r + u] = dc * fg;
                    activations[z + u] = dc * ig * (1 - g * g);
                    activations[z + f + u] = dc * prevC[prev + u] * fg * (1 - fg);
                    activations[z + o + u] = dh * tc * og * (1 - og);
                    activations[z + in + u] = dc * g * ig * (1 - ig);
                }
                Arrays.fill(dhNext, r, r + h, 0f);
                for (int j = 0; j < gates; j++) {
                    axpy(activations[z + j], recurrentWeightsT, j * h, dhNext, r, h);
                }
                for (int i = 0; i < inputSize; i++) {
                    float sum = 0;
                    int w = i * gates;
                    for (int j = 0; j < gates; j++) {
                        sum += activations[z + j] * inputWeights[w + j];
                    }
                    inputGradient[(b * inputSize + i) * steps + t] = sum;
                }
                for (int k = 0; k < h; k++) {
                    axpy(prevH[prev + k], activations, z, recurrentWeightGrad, k * gates, gates);
                }
                for (int i = 0; i < inputSize; i++) {
                    axpy(input[(b * inputSize + i) * steps + t], activations, z, inputWeightGrad, i * gates, gates);
                }
                axpy(1f, activations, z, biasGrad, 0, gates);
            }
        }
    }

    private static void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int j = 0; j < n; j++) {
            y[yOffset + j] += a * x[xOffset + j];
        }
    }

    private static void addInto(float[] target, float[] source) {
        axpy(1f, source, 0, target, 0, target.length);
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private static int shardCount(int rows) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(cores, rows / MIN_ROWS_PER_SHARD));
    }

    /** A row-major copy of any array, whatever its order, strides or offset. */
    static float[] floats(INDArray array) {
        INDArray dense = array.dup('c');
        float[] values = new float[(int) dense.length()];
        dense.data().asNioFloat().get(values);
        return values;
    }

    private static void put(INDArray freshRowMajor, float[] values, int offset, int count) {
        FloatBuffer buffer = freshRowMajor.data().asNioFloat();
        buffer.put(values, offset, count);
    }

    private static void assign(INDArray view, float[] rowMajor) {
        INDArray source = Nd4j.createUninitialized(DataType.FLOAT, view.shape(), 'c');
        put(source, rowMajor, 0, rowMajor.length);
        view.assign(source);
    }

    /** Marks a forward pass made here, so backprop knows the cached activations are its own. */
    private static final class FusedPass extends FwdPassReturn {
    }
}
