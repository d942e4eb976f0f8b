package org.bitcountlab.core.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds the counting network and moves its weights to and from {@link ParameterSnapshot}s. */
public final class NetworkFactory {

    private static final String LSTM_INPUT_WEIGHTS = "0_W";
    private static final String LSTM_RECURRENT_WEIGHTS = "0_RW";
    private static final String LSTM_BIAS = "0_b";
    private static final String OUTPUT_WEIGHTS = "1_W";
    private static final String OUTPUT_BIAS = "1_b";

    private NetworkFactory() {
    }

    /** LSTM(1 -> hidden, tanh) -> last timestep -> softmax(hidden -> length + 1), cross-entropy, Adam. */
    public static MultiLayerNetwork build(int length, int hidden, double learningRate, long seed,
            LstmImplementation implementation) {
        Nd4jRuntime.initialise();
        LSTM lstm = new LSTM.Builder()
                .nIn(1)
                .nOut(hidden)
                .activation(Activation.TANH)
                .build();
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new LastTimeStep(implementation == LstmImplementation.FUSED ? FusedLstm.of(lstm) : lstm))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(hidden)
                        .nOut(length + 1)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    public static MultiLayerNetwork build(ParameterSnapshot parameters, double learningRate, long seed,
            LstmImplementation implementation) {
        MultiLayerNetwork network = build(parameters.length(), parameters.hidden(), learningRate, seed, implementation);
        load(network, parameters);
        return network;
    }

    public static ParameterSnapshot snapshot(MultiLayerNetwork network, int length) {
        int hidden = (int) network.getParam(LSTM_RECURRENT_WEIGHTS).size(0);
        return ParameterSnapshot.fromParts(length, hidden,
                FusedLstmHelper.floats(network.getParam(LSTM_INPUT_WEIGHTS)),
                FusedLstmHelper.floats(network.getParam(LSTM_RECURRENT_WEIGHTS)),
                FusedLstmHelper.floats(network.getParam(LSTM_BIAS)),
                FusedLstmHelper.floats(network.getParam(OUTPUT_WEIGHTS)),
                FusedLstmHelper.floats(network.getParam(OUTPUT_BIAS)));
    }

    public static void load(MultiLayerNetwork network, ParameterSnapshot parameters) {
        int gates = LstmGates.COUNT * parameters.hidden();
        set(network, LSTM_INPUT_WEIGHTS, parameters.inputWeightsView(), 1, gates);
        set(network, LSTM_RECURRENT_WEIGHTS, parameters.recurrentWeightsView(), parameters.hidden(), gates);
        set(network, LSTM_BIAS, parameters.lstmBiasView(), 1, gates);
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
