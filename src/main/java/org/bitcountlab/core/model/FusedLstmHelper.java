package org.bitcountlab.core.model;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

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
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J's LSTM forward and backward pass replaced, through the layer's helper seam, by
 * {@link LstmShard}s: a few large matrix products and long vectorised loops per timestep instead
 * of a dozen small ND4J operations. Examples are independent, so the minibatch is split into
 * shards ({@link Shards}: slices of at most 128 rows, which the cores take as they finish); each
 * shard keeps its own weight gradients, summed at the end.
 *
 * <p>DL4J runs the forward pass twice per {@code fit}: once for the score and again inside
 * backprop. The second call finds the first one's activations (same input, same weights, compared
 * exactly) and reuses them. Cases the kernel does not handle (masks, peepholes, other activations,
 * truncated BPTT, backwards direction, non-float data) return {@code null}, which makes DL4J run its
 * built-in implementation.
 *
 * <p>Shards are kept from minibatch to minibatch and reallocated only when a larger one is needed;
 * {@link #close()} frees their native memory at the end of a run.
 */
final class FusedLstmHelper implements LSTMHelper, AutoCloseable {

    private int batch;
    private int inputSize;
    private int hidden;
    private int steps;
    // Java-side copies, each with a spare of the same size: a minibatch reads into the spare, compares
    // it with the current one and swaps; in steady state nothing is allocated per minibatch
    private float[] input = new float[0];          // [steps][nIn][batch]
    private float[] weights = new float[0];        // [1 + nIn + H][4H]: bias, input, recurrent
    private float[] initialHidden = new float[0];  // [H][batch]
    private float[] initialCell = new float[0];    // [H][batch]
    private float[] spareInput = new float[0];
    private float[] spareWeights = new float[0];
    private float[] spareHidden = new float[0];
    private float[] spareCell = new float[0];
    private float[] outputGradient = new float[0]; // [steps][H][batch]
    private float[] inputGradient = new float[0];  // [batch][nIn][steps]
    private LstmShard[] shards = new LstmShard[0]; // allocated; the first activeShards serve the current minibatch
    private int activeShards;
    private boolean activationsValid;
    private int forwardPasses;
    private int backwardPasses;
    private int shardAllocations;

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
        long bytes = ((long) input.length + weights.length + initialHidden.length + initialCell.length) * Float.BYTES;
        for (LstmShard shard : shards) {
            bytes += shard.bytes();
        }
        return Map.of("fusedLstmCache", bytes);
    }

    /** Frees the shards' native buffers now rather than whenever the garbage collector runs. */
    @Override
    public void close() {
        for (LstmShard shard : shards) {
            shard.close();
        }
        shards = new LstmShard[0];
        activeShards = 0;
        activationsValid = false;
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
        boolean unchanged = load(input, inputWeights, recurrentWeights, biases, prevOutputActivations,
                prevMemCellState);
        if (!(unchanged && activationsValid)) {
            inParallel(LstmShard::forward);
            forwardPasses++;
            activationsValid = true;
        }

        FusedPass ret = new FusedPass();
        if (forBackprop) {
            return ret; // backprop reads the shards' own state, not these arrays
        }
        // every element is written below, so the arrays need no zeroing
        INDArray timeMajor = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {steps, hidden, batch}, 'c');
        INDArray lastCell = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, DataType.FLOAT,
                new long[] {hidden, batch}, 'c');
        FloatBuffer outputs = timeMajor.data().asNioFloat();
        FloatBuffer cells = lastCell.data().asNioFloat();
        inParallel(shard -> {
            shard.writeOutputs(outputs.duplicate(), batch);
            shard.writeLastCell(cells.duplicate(), batch);
        });
        ret.fwdPassOutput = timeMajor.permute(2, 1, 0);
        ret.lastAct = timeMajor.get(NDArrayIndex.point(steps - 1), NDArrayIndex.all(), NDArrayIndex.all()).transpose();
        ret.lastMemCell = lastCell.transpose();
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
        backwardPasses++;
        outputGradient = sized(outputGradient, steps * hidden * batch);
        readReversed(epsilon, outputGradient);
        inputGradient = sized(inputGradient, batch * inputSize * steps);
        float[] epsilonIn = outputGradient;
        float[] epsilonOut = inputGradient;
        inParallel(shard -> shard.backward(epsilonIn, steps, epsilonOut, batch));
        float[] weightGradient = shards[0].weightGradient;
        for (int s = 1; s < activeShards; s++) {
            float[] other = shards[s].weightGradient;
            for (int i = 0; i < weightGradient.length; i++) {
                weightGradient[i] += other[i];
            }
        }

        int gates = 4 * hidden;
        INDArray iwGradients = gradientViews.get(inputWeightKey);
        INDArray rwGradients = gradientViews.get(recurrentWeightKey);
        INDArray bGradients = gradientViews.get(biasWeightKey);
        writeRowMajor(weightGradient, 0, bGradients);
        writeRowMajor(weightGradient, gates, iwGradients);
        writeRowMajor(weightGradient, (1 + inputSize) * gates, rwGradients);

        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {batch, inputSize, steps}, 'c');
        put(epsilonNext, inputGradient, 0, batch * inputSize * steps);

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

    /** Times the shards were (re)allocated. */
    int shardAllocations() {
        return shardAllocations;
    }

    /** Copies the forward pass's inputs; true if they equal the ones the cached activations came from. */
    private boolean load(INDArray in, INDArray iw, INDArray rw, INDArray b, INDArray h0, INDArray c0) {
        int newBatch = (int) in.size(0);
        int newInputSize = (int) in.size(1);
        int newSteps = (int) in.size(2);
        int newHidden = (int) rw.size(0);
        boolean sameShape = newBatch == batch && newInputSize == inputSize && newSteps == steps && newHidden == hidden;
        batch = newBatch;
        inputSize = newInputSize;
        steps = newSteps;
        hidden = newHidden;
        int gates = LstmGates.COUNT * hidden;

        float[] newInput = sized(spareInput, steps * inputSize * batch);
        readReversed(in, newInput);
        float[] newWeights = sized(spareWeights, (1 + inputSize + hidden) * gates);
        readRowMajor(b, newWeights, 0);
        readRowMajor(iw, newWeights, gates);
        readRowMajor(rw, newWeights, (1 + inputSize) * gates);
        float[] newHidden0 = sized(spareHidden, hidden * batch);
        float[] newCell0 = sized(spareCell, hidden * batch);
        readReversedOrZero(h0, newHidden0);
        readReversedOrZero(c0, newCell0);
        boolean unchanged = sameShape && Arrays.equals(newInput, input) && Arrays.equals(newWeights, weights)
                && Arrays.equals(newHidden0, initialHidden) && Arrays.equals(newCell0, initialCell);
        spareInput = input;
        spareWeights = weights;
        spareHidden = initialHidden;
        spareCell = initialCell;
        input = newInput;
        weights = newWeights;
        initialHidden = newHidden0;
        initialCell = newCell0;
        if (!sameShape) {
            assignShards();
        }
        if (!unchanged) {
            inParallel(shard -> shard.load(input, initialHidden, initialCell, weights, batch));
        }
        return unchanged;
    }

    /** The shards {@link Shards} cuts the minibatch into, reusing the allocated ones when they are large enough. */
    private void assignShards() {
        int count = Shards.count(batch);
        boolean fit = count <= shards.length;
        for (int s = 0; fit && s < count; s++) {
            fit = shards[s].fits(inputSize, hidden, steps, Shards.rows(s, count, batch));
        }
        if (!fit) {
            close(); // before allocating, so that old and new never need memory at once
            LstmShard[] fresh = new LstmShard[count];
            try {
                for (int s = 0; s < count; s++) {
                    fresh[s] = new LstmShard(Shards.rows(s, count, batch), inputSize, hidden, steps);
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                for (LstmShard made : fresh) {
                    if (made != null) {
                        made.close();
                    }
                }
                batch = 0; // the next minibatch allocates again
                throw e;
            }
            shards = fresh;
            shardAllocations++;
        }
        for (int s = 0; s < count; s++) {
            shards[s].assign(Shards.from(s, count, batch), Shards.rows(s, count, batch));
        }
        activeShards = count;
    }

    private void inParallel(java.util.function.Consumer<LstmShard> work) {
        Shards.forEach(activeShards, s -> work.accept(shards[s]));
    }

    /** The buffer if it has exactly this length, else a new one. */
    private static float[] sized(float[] buffer, int length) {
        return buffer.length == length ? buffer : new float[length];
    }

    /**
     * Copies an array of shape [a, b] or [a, b, c] into target laid out the other way round,
     * [b][a] or [c][b][a]: the first index runs fastest. That is how the kernel wants the input
     * ([steps][nIn][batch]), the initial state and the output gradient; DL4J usually hands them
     * over in 'f' order, which is that layout already and is copied in one piece.
     */
    static void readReversed(INDArray array, float[] target) {
        FloatBuffer data = array.data().asNioFloat();
        int base = (int) array.offset();
        long[] stride = array.stride();
        int a = (int) array.size(0);
        int b = (int) array.size(1);
        int c = array.rank() == 3 ? (int) array.size(2) : 1;
        long cStride = array.rank() == 3 ? stride[2] : (long) a * b;
        if (stride[0] == 1 && stride[1] == a && cStride == (long) a * b) {
            data.get(base, target, 0, a * b * c);
            return;
        }
        int to = 0;
        for (int k = 0; k < c; k++) {
            for (int j = 0; j < b; j++) {
                int from = (int) (base + k * cStride + j * stride[1]);
                for (int i = 0; i < a; i++) {
                    target[to++] = data.get((int) (from + i * stride[0]));
                }
            }
        }
    }

    private static void readReversedOrZero(INDArray state, float[] target) {
        if (state == null) {
            Arrays.fill(target, 0f);
        } else {
            readReversed(state, target);
        }
    }

    /** Copies a vector or matrix into target row-major from offset on, whatever its order, strides or offset. */
    static void readRowMajor(INDArray array, float[] target, int offset) {
        FloatBuffer data = array.data().asNioFloat();
        int base = (int) array.offset();
        int rows = array.rank() == 1 ? 1 : (int) array.size(0);
        int cols = (int) array.size(array.rank() - 1);
        long rowStride = array.rank() == 1 ? 0 : array.stride(0);
        long colStride = array.stride(array.rank() - 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                target[offset + i * cols + j] = data.get((int) (base + i * rowStride + j * colStride));
            }
        }
    }

    /** The opposite of {@link #readRowMajor}: row-major values from source[offset] on into a vector or matrix view. */
    static void writeRowMajor(float[] source, int offset, INDArray view) {
        FloatBuffer data = view.data().asNioFloat();
        int base = (int) view.offset();
        int rows = view.rank() == 1 ? 1 : (int) view.size(0);
        int cols = (int) view.size(view.rank() - 1);
        long rowStride = view.rank() == 1 ? 0 : view.stride(0);
        long colStride = view.stride(view.rank() - 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                data.put((int) (base + i * rowStride + j * colStride), source[offset + i * cols + j]);
            }
        }
    }

    /** A row-major copy of any array, whatever its order, strides or offset. */
    static float[] floats(INDArray array) {
        boolean rowMajor = array.ordering() == 'c' && array.offset() == 0
                && Shape.hasDefaultStridesForShape(array) && array.data().length() == array.length();
        INDArray dense = rowMajor ? array : array.dup('c');
        float[] values = new float[(int) dense.length()];
        dense.data().asNioFloat().get(values);
        return values;
    }

    private static void put(INDArray freshRowMajor, float[] values, int offset, int count) {
        FloatBuffer buffer = freshRowMajor.data().asNioFloat();
        buffer.put(values, offset, count);
    }

    /** Marks a forward pass made here, so backprop knows the cached activations are its own. */
    private static final class FusedPass extends FwdPassReturn {
    }
}
