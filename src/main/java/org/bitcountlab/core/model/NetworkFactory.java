package org.bitcountlab.core.model;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds the counting network (LSTM or simple RNN) and moves its weights to and from {@link ParameterSnapshot}s. */
public final class NetworkFactory {

    // DL4J's LSTM and SimpleRnn name their parameters alike
    static final String RECURRENT_INPUT_WEIGHTS = "0_W";
    static final String RECURRENT_WEIGHTS = "0_RW";
    static final String RECURRENT_BIAS = "0_b";
    static final String OUTPUT_WEIGHTS = "1_W";
    static final String OUTPUT_BIAS = "1_b";

    private NetworkFactory() {
    }

    /** LSTM(1 -> hidden, tanh) -> last timestep -> softmax(hidden -> length + 1), cross-entropy, Adam. */
    public static MultiLayerNetwork build(int length, int hidden, double learningRate, long seed) {
        return build(CellType.LSTM, length, hidden, learningRate, seed);
    }

    /** The same network with either recurrent layer. */
    public static MultiLayerNetwork build(CellType cellType, int length, int hidden, double learningRate, long seed) {
        return build(cellType, length, hidden, learningRate, seed, Initialisation.XAVIER, LossReduction.MEAN);
    }

    /**
     * Recurrent layer -> last timestep -> softmax(hidden -> length + 1), cross-entropy, Adam: DL4J's
     * own layers, which define the maths. {@link TrainingStep} trains the LSTM network in one fused
     * pass that computes the same; anything else DL4J's {@code fit} trains.
     */
    public static MultiLayerNetwork build(CellType cellType, int length, int hidden, double learningRate, long seed,
            Initialisation initialisation, LossReduction lossReduction) {
        Nd4jRuntime.initialise();
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate)) // beta1 0.9, beta2 0.999, epsilon 1e-8, as TensorFlow's
                // DL4J's loss functions return the gradient of the sum over the minibatch; with
                // miniBatch(true) the updater divides it (and the score) by the minibatch size
                .miniBatch(lossReduction == LossReduction.MEAN)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new LastTimeStep(recurrentLayer(cellType, hidden)))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(hidden)
                        .nOut(length + 1)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        TutorialInitialisation.apply(initialisation, network, seed);
        return network;
    }

    private static BaseRecurrentLayer recurrentLayer(CellType cellType, int hidden) {
        if (cellType == CellType.SIMPLE_RNN) {
            return new SimpleRnn.Builder().nIn(1).nOut(hidden).activation(Activation.TANH).build();
        }
        return new LSTM.Builder()
                .nIn(1)
                .nOut(hidden)
                .activation(Activation.TANH)
                .build();
    }

    public static MultiLayerNetwork build(ParameterSnapshot parameters, double learningRate, long seed) {
        MultiLayerNetwork network = build(parameters.cellType(), parameters.length(), parameters.hidden(), learningRate,
                seed);
        load(network, parameters);
        return network;
    }

    /**
     * Frees the network's native memory now instead of whenever the garbage collector runs:
     * parameters, gradients, updater state and this thread's workspaces.
     * Call it on the thread that trained; the network cannot be used afterwards.
     */
    public static void release(MultiLayerNetwork network) {
        // what MultiLayerNetwork.close() frees, without the System.gc() it ends with: a full collection
        // at the end of every run would delay Stop by a noticeable fraction of a second
        close(network.params());
        close(network.getFlattenedGradients());
        Updater updater = network.getUpdater(false);
        if (updater != null) {
            close(updater.getStateViewArray());
        }
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }

    private static void close(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }

    public static ParameterSnapshot snapshot(MultiLayerNetwork network, int length) {
        INDArray recurrent = network.getParam(RECURRENT_WEIGHTS);
        int hidden = (int) recurrent.size(0);
        // an LSTM's recurrent weights have four columns per unit, a simple RNN's one
        CellType cellType = recurrent.size(1) == hidden ? CellType.SIMPLE_RNN : CellType.LSTM;
        return ParameterSnapshot.fromParts(cellType, length, hidden,
                RowMajor.copy(network.getParam(RECURRENT_INPUT_WEIGHTS)),
                RowMajor.copy(recurrent),
                RowMajor.copy(network.getParam(RECURRENT_BIAS)),
                RowMajor.copy(network.getParam(OUTPUT_WEIGHTS)),
                RowMajor.copy(network.getParam(OUTPUT_BIAS)));
    }

    public static void load(MultiLayerNetwork network, ParameterSnapshot parameters) {
        int columns = parameters.cellType().blocksPerUnit() * parameters.hidden();
        set(network, RECURRENT_INPUT_WEIGHTS, parameters.inputWeightsView(), 1, columns);
        set(network, RECURRENT_WEIGHTS, parameters.recurrentWeightsView(), parameters.hidden(), columns);
        set(network, RECURRENT_BIAS, parameters.recurrentBiasView(), 1, columns);
        set(network, OUTPUT_WEIGHTS, parameters.outputWeightsView(), parameters.hidden(), parameters.classes());
        set(network, OUTPUT_BIAS, parameters.outputBiasView(), 1, parameters.classes());
    }

    private static void set(MultiLayerNetwork network, String key, float[] rowMajor, int rows, int cols) {
        INDArray target = network.getParam(key);
        if (target.length() != (long) rows * cols) {
            throw new IllegalArgumentException("Parameter " + key + " has " + target.length()
                    + " values, the snapshot " + rows * cols);
        }
        target.assign(Nd4j.create(rowMajor, new long[] {rows, cols}, 'c').reshape(target.shape()));
    }
}
