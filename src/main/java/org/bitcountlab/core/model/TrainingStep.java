package org.bitcountlab.core.model;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.bitcountlab.core.dataset.Minibatch;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LastTimeStepLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One optimiser step on a minibatch: what {@code network.fit(features, labels)} does, in one pass.
 *
 * <p>For the counting network with the fused LSTM ({@code LSTM -> LastTimeStep -> softmax output,
 * MCXENT}), DL4J's fit spends more time on its own bookkeeping than on the maths: about a hundred
 * small ND4J operations per step, a forward pass run twice, and a zero-filled gradient for 19 of
 * the 20 timesteps that have none. Here each shard of the minibatch runs the LSTM forward, the
 * output layer and loss, and the backward pass in one task; the gradients are written into the
 * network's own gradient view, and DL4J's updater (Adam, its learning rate, the division by the
 * minibatch size) and step apply them to the network's own parameters, so the network stays the
 * single source of truth and DL4J's fit can take over at any step. Where that updater is one block
 * of Adam, {@link AdamStep} does its arithmetic on its own state, without its bookkeeping.
 *
 * <p>Any other network (the stock LSTM chosen for comparison, a simple RNN, or a configuration with
 * dropout, regularisation, gradient clipping, listeners, another loss) is trained by DL4J's fit.
 */
public final class TrainingStep implements AutoCloseable {

    private final MultiLayerNetwork network;
    private final boolean fused;
    private int batch;
    private int steps;
    private int stepCapacity;
    private int inputSize;
    private int hidden;
    private int classes;
    private INDArray[] lstmParams;      // bias, input weights, recurrent weights
    private INDArray[] lstmGradients;
    private INDArray outputWeights;
    private INDArray outputBias;
    private INDArray outputWeightGradient;
    private INDArray outputBiasGradient;
    private Gradient gradient;
    private INDArray update;             // the flattened gradients as a vector, after the updater: the step
    private float[] input = new float[0];          // [steps][nIn][batch]
    private float[] stackedWeights = new float[0]; // [1 + nIn + H][4H]
    private float[] headWeights = new float[0];    // [H][classes]
    private float[] headBias = new float[0];       // [classes]
    private float[] zeroState = new float[0];      // [H][batch]
    private float[] lastHiddenGradient = new float[0]; // [H][batch]
    private LstmShard[] lstmShards = new LstmShard[0];
    private SoftmaxShard[] heads = new SoftmaxShard[0];
    private int activeShards;
    private AdamStep adam;              // DL4J's Adam in Java, where the updater is one block of Adam
    private Updater adamFor;            // the updater it was made for
    private int adamSteps;
    private int fusedSteps;
    private DetachedFit dl4jFit;         // DL4J's fit, which cannot be stopped part way, on a thread of its own

    private TrainingStep(MultiLayerNetwork network, boolean fused) {
        this.network = network;
        this.fused = fused;
        if (fused) {
            bindParameters();
        }
    }

    /** A step for this network: fused if its configuration is one the fused pass computes exactly. */
    public static TrainingStep of(MultiLayerNetwork network) {
        return of(network, LstmImplementation.FUSED);
    }

    /**
     * A step that runs the fused pass when asked to and the network is one it computes exactly, and
     * DL4J's own {@code fit} otherwise ({@link LstmImplementation#STOCK}: for comparison).
     */
    public static TrainingStep of(MultiLayerNetwork network, LstmImplementation implementation) {
        return new TrainingStep(network, implementation == LstmImplementation.FUSED && FusableNetwork.test(network));
    }

    /** Whether steps run the fused pass rather than DL4J's fit. */
    public boolean fused() {
        return fused;
    }

    /** Steps run by the fused pass so far. */
    int fusedSteps() {
        return fusedSteps;
    }

    /** Fused steps whose Adam update {@link AdamStep} computed, rather than DL4J's updater. */
    int adamSteps() {
        return adamSteps;
    }

    /**
     * Trains on one minibatch and returns DL4J's score for it (the summed loss, or its mean over the
     * minibatch when the network averages), computed before the step, as {@code network.score()}.
     */
    public double fit(Minibatch minibatch) {
        return fit(minibatch, () -> false);
    }

    /**
     * As {@link #fit(Minibatch)}, but gives up once {@code stop} answers true: between the shards of
     * the fused pass, or before DL4J's fit starts. A step given up leaves the network's weights and
     * its updater's state as they were before it.
     *
     * @throws CancellationException if the step was given up
     */
    public double fit(Minibatch minibatch, BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("stopped before the step");
        }
        if (!fused) {
            if (dl4jFit == null) {
                dl4jFit = new DetachedFit();
            }
            return dl4jFit.run(() -> dl4jFit(minibatch), stop);
        }
        prepare(minibatch, stop);
        float[] labels = minibatch.labels();
        Shards.forEach(activeShards, s -> trainShard(s, labels, stop), stop);
        double loss = writeGradients();
        double score = network.getLayer(1).conf().isMiniBatch() ? loss / batch : loss; // as the output layer scores

        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        int iteration = configuration.getIterationCount();
        Updater updater = network.getUpdater();
        if (updater != adamFor) {
            adam = AdamStep.of(network);
            adamFor = updater;
        }
        if (adam != null) {
            adam.apply(iteration, configuration.getEpochCount(), batch, network.conf().isMiniBatch());
            adamSteps++;
        } else {
            updater.update(network, gradient, iteration, configuration.getEpochCount(), batch,
                    LayerWorkspaceMgr.noWorkspaces());
            network.params().subi(update); // DL4J's step: params -= update
        }
        configuration.setIterationCount(iteration + 1);
        network.setScore(score);
        fusedSteps++;
        return score;
    }

    private double dl4jFit(Minibatch minibatch) {
        int size = minibatch.size();
        int length = minibatch.length();
        int featuresPerStep = minibatch.features().length / (size * length);
        try (INDArray features = Nd4j.create(minibatch.features(), new long[] {size, featuresPerStep, length}, 'c');
                INDArray labels = Nd4j.create(minibatch.labels(), new long[] {size, minibatch.labels().length / size}, 'c')) {
            network.fit(features, labels);
            network.setInput(null); // the arrays are freed now: the network must not keep them
            network.setLabels(null);
        }
        return network.score();
    }

    /**
     * Runs {@code action} once no step uses the network any more: now, or after a DL4J fit that a
     * stop gave up waiting for. Freeing the network's memory while that fit still runs would crash it.
     * Call it before {@link #close()}.
     */
    public void whenIdle(Runnable action) {
        if (dl4jFit == null) {
            action.run();
        } else {
            dl4jFit.finish(action);
        }
    }

    /** Forward and backward for one shard's rows; shards write disjoint columns of the shared gradient. */
    private void trainShard(int s, float[] labels, BooleanSupplier stop) {
        LstmShard lstm = lstmShards[s];
        lstm.load(input, zeroState, zeroState, stackedWeights, batch);
        lstm.forward(stop);
        heads[s].forwardBackward(lstm.lastOutput(), labels, headWeights, headBias, lstm.from, lstm.rows, batch,
                lastHiddenGradient);
        lstm.backward(lastHiddenGradient, batch, stop);
    }

    /** Frees the shards' native buffers; call {@link #whenIdle} first if the network is to be freed too. */
    @Override
    public void close() {
        if (dl4jFit != null) {
            dl4jFit.shutdown();
        }
        closeShards();
    }

    private void closeShards() {
        for (LstmShard shard : lstmShards) {
            if (shard != null) {
                shard.close();
            }
        }
        for (SoftmaxShard head : heads) {
            if (head != null) {
                head.close();
            }
        }
        lstmShards = new LstmShard[0];
        heads = new SoftmaxShard[0];
        activeShards = 0;
        batch = 0;
    }

    private void bindParameters() {
        if (network.getFlattenedGradients() == null) {
            network.initGradientsView(); // DL4J makes it lazily, at the first backprop
        }
        Layer recurrent = ((LastTimeStepLayer) network.getLayer(0)).getUnderlying();
        Layer output = network.getLayer(1);
        Map<String, INDArray> recurrentGradients = gradientViews(recurrent);
        Map<String, INDArray> outputGradients = gradientViews(output);
        lstmParams = new INDArray[] {recurrent.getParam("b"), recurrent.getParam("W"), recurrent.getParam("RW")};
        lstmGradients = new INDArray[] {recurrentGradients.get("b"), recurrentGradients.get("W"), recurrentGradients.get("RW")};
        outputWeights = output.getParam("W");
        outputBias = output.getParam("b");
        outputWeightGradient = outputGradients.get("W");
        outputBiasGradient = outputGradients.get("b");
        inputSize = (int) lstmParams[1].size(0);
        hidden = (int) lstmParams[2].size(0);
        classes = (int) outputBias.length();

        INDArray flattened = network.getFlattenedGradients();
        // DefaultGradient hands out a reshaped copy of the view, which DL4J's updater takes for another
        // network's gradient: it then cuts fresh views of every parameter on every step (native
        // allocations, most of a small step's time). The view itself selects its standard path.
        gradient = new DefaultGradient(flattened) {
            @Override
            public INDArray gradient() {
                return flattened;
            }
        };
        update = flattened.reshape(flattened.length());
        gradient.setGradientFor(NetworkFactory.RECURRENT_BIAS, lstmGradients[0]);
        gradient.setGradientFor(NetworkFactory.RECURRENT_INPUT_WEIGHTS, lstmGradients[1]);
        gradient.setGradientFor(NetworkFactory.RECURRENT_WEIGHTS, lstmGradients[2]);
        gradient.setGradientFor(NetworkFactory.OUTPUT_WEIGHTS, outputWeightGradient);
        gradient.setGradientFor(NetworkFactory.OUTPUT_BIAS, outputBiasGradient);
        stackedWeights = new float[(1 + inputSize + hidden) * LstmGates.COUNT * hidden];
        headWeights = new float[hidden * classes];
        headBias = new float[classes];
    }

    /** The layer's per-parameter views into the network's flattened gradients, as DL4J's backprop writes them. */
    private static Map<String, INDArray> gradientViews(Layer layer) {
        return layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
    }

    /** Reads this step's weights and input, and sizes the shards for the minibatch. */
    private void prepare(Minibatch minibatch, BooleanSupplier stop) {
        int size = minibatch.size();
        int length = minibatch.length();
        if (minibatch.features().length != size * inputSize * length || minibatch.labels().length != size * classes) {
            throw new IllegalArgumentException("A minibatch of " + size + " strings of length " + length
                    + " does not fit a network with " + inputSize + " input(s) and " + classes + " classes");
        }
        if (size != batch || length > stepCapacity) {
            assignShards(size, length, stop);
        } else if (length != steps) {
            // training on every length: shorter strings run in the buffers of the longest so far
            steps = length;
            for (int s = 0; s < activeShards; s++) {
                lstmShards[s].steps(length);
            }
        }
        float[] features = minibatch.features(); // [batch][nIn][steps]
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < inputSize; i++) {
                int from = (b * inputSize + i) * steps;
                for (int t = 0; t < steps; t++) {
                    input[(t * inputSize + i) * batch + b] = features[from + t];
                }
            }
        }
        int gates = LstmGates.COUNT * hidden;
        RowMajor.read(lstmParams[0], stackedWeights, 0);
        RowMajor.read(lstmParams[1], stackedWeights, gates);
        RowMajor.read(lstmParams[2], stackedWeights, (1 + inputSize) * gates);
        RowMajor.read(outputWeights, headWeights, 0);
        RowMajor.read(outputBias, headBias, 0);
    }

    /**
     * Allocates the shards for a minibatch of this shape, asking {@code stop} before each: at 512
     * units a large minibatch's shards are gigabytes, seconds to allocate.
     */
    private void assignShards(int size, int length, BooleanSupplier stop) {
        closeShards();
        batch = size;
        steps = length;
        stepCapacity = length;
        int count = Shards.count(batch);
        lstmShards = new LstmShard[count];
        heads = new SoftmaxShard[count];
        try {
            for (int s = 0; s < count; s++) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("stopped while allocating the step's buffers");
                }
                int rows = Shards.rows(s, count, batch);
                lstmShards[s] = new LstmShard(rows, inputSize, hidden, steps);
                lstmShards[s].assign(Shards.from(s, count, batch), rows);
                heads[s] = new SoftmaxShard(rows, hidden, classes);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            activeShards = count;
            closeShards();
            throw e;
        }
        activeShards = count;
        input = new float[steps * inputSize * batch];
        zeroState = new float[hidden * batch];
        lastHiddenGradient = new float[hidden * batch];
    }

    /** Sums the shards' gradients into the network's gradient view; returns the minibatch's summed loss. */
    private double writeGradients() {
        float[] recurrent = lstmShards[0].weightGradient;
        float[] weights = heads[0].weightGradient;
        float[] bias = heads[0].biasGradient;
        double loss = heads[0].loss;
        for (int s = 1; s < activeShards; s++) {
            add(recurrent, lstmShards[s].weightGradient);
            add(weights, heads[s].weightGradient);
            add(bias, heads[s].biasGradient);
            loss += heads[s].loss;
        }
        int gates = LstmGates.COUNT * hidden;
        RowMajor.write(recurrent, 0, lstmGradients[0]);
        RowMajor.write(recurrent, gates, lstmGradients[1]);
        RowMajor.write(recurrent, (1 + inputSize) * gates, lstmGradients[2]);
        RowMajor.write(weights, 0, outputWeightGradient);
        RowMajor.write(bias, 0, outputBiasGradient);
        return loss;
    }

    private static void add(float[] sum, float[] other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other[i];
        }
    }
}
