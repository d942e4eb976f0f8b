package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitcountlab.core.model.GradientCheck.assertClose;

import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The fused LSTM must compute exactly what DL4J's built-in LSTM computes. */
class FusedLstmEquivalenceTest {

    enum Head { LAST_STEP, EVERY_STEP }

    @ParameterizedTest
    @EnumSource(Head.class)
    void outputsAndGradientsMatchTheBuiltInLayer(Head head) {
        int batch = 70; // more than one shard
        int steps = 7;
        Random random = new Random(42);
        MultiLayerNetwork stock = network(head, LstmImplementation.STOCK, WorkspaceMode.ENABLED);
        MultiLayerNetwork fused = network(head, LstmImplementation.FUSED, WorkspaceMode.ENABLED);
        INDArray params = Nd4j.rand(DataType.FLOAT, 1, stock.numParams()).subi(0.5).muli(2);
        stock.setParams(params.dup());
        fused.setParams(params.dup());

        INDArray features = Nd4j.rand(DataType.FLOAT, batch, 3, steps).subi(0.5).muli(4);
        INDArray labels = head == Head.LAST_STEP ? oneHot(random, batch, 6) : oneHotSequence(random, batch, 6, steps);

        assertClose(fused.output(features), stock.output(features));

        stock.setInput(features);
        stock.setLabels(labels);
        stock.computeGradientAndScore();
        fused.setInput(features);
        fused.setLabels(labels);
        fused.computeGradientAndScore();

        FusedLstmHelper helper = fusedHelper(fused);
        assertThat(helper.backwardPasses()).as("the fused kernel ran backprop").isEqualTo(1);
        assertThat(fused.score()).isCloseTo(stock.score(), org.assertj.core.data.Offset.offset(1e-4 * stock.score()));
        assertClose(fused.gradient().gradient(), stock.gradient().gradient());
    }

    @Test
    void trainingStepsStayInStepWithTheBuiltInLayer() {
        MultiLayerNetwork stock = network(Head.LAST_STEP, LstmImplementation.STOCK, WorkspaceMode.NONE);
        MultiLayerNetwork fused = network(Head.LAST_STEP, LstmImplementation.FUSED, WorkspaceMode.NONE);
        fused.setParams(stock.params().dup());
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            INDArray features = Nd4j.rand(DataType.FLOAT, 40, 3, 5);
            INDArray labels = oneHot(random, 40, 6);
            stock.fit(features, labels);
            fused.fit(features, labels);
        }
        assertClose(fused.params(), stock.params());
        FusedLstmHelper helper = fusedHelper(fused);
        assertThat(helper.backwardPasses()).isEqualTo(5);
        assertThat(helper.forwardPasses()).as("backprop reuses the scoring forward pass").isEqualTo(5);
    }

    @Test
    void aSmallerMinibatchReusesTheShardsAndStaysExact() {
        MultiLayerNetwork stock = network(Head.LAST_STEP, LstmImplementation.STOCK, WorkspaceMode.ENABLED);
        MultiLayerNetwork fused = network(Head.LAST_STEP, LstmImplementation.FUSED, WorkspaceMode.ENABLED);
        fused.setParams(stock.params().dup());
        FusedLstmHelper helper = fusedHelper(fused);
        assertThat(helper.helperMemoryUse().get("fusedLstmCache")).as("reported before any pass").isZero();
        Random random = new Random(11);
        for (int batch : new int[] {140, 70, 33, 140}) { // two shards, then one, then two again
            INDArray features = Nd4j.rand(DataType.FLOAT, batch, 3, 5);
            INDArray labels = oneHot(random, batch, 6);
            stock.fit(features, labels);
            fused.fit(features, labels);
        }
        assertClose(fused.params(), stock.params());
        assertThat(helper.shardAllocations()).as("allocated once, for the largest minibatch").isEqualTo(1);
        long inUse = helper.helperMemoryUse().get("fusedLstmCache");

        NetworkFactory.release(fused);
        assertThat(helper.helperMemoryUse().get("fusedLstmCache")).isLessThan(inUse);
        assertThat(fused.params().wasClosed()).as("the network's own native memory is freed").isTrue();
    }

    /** The tutorial's preset: TensorFlow 1.0's initialisation, the summed loss, Adam. */
    @Test
    void theTutorialInitialisationAndSummedLossTrainAlikeInBothLayers() {
        int length = 10;
        int batch = 150; // two shards
        MultiLayerNetwork stock = NetworkFactory.build(CellType.LSTM, length, 6, 0.01, 9, Initialisation.TUTORIAL,
                LossReduction.SUM, LstmImplementation.STOCK);
        MultiLayerNetwork fused = NetworkFactory.build(CellType.LSTM, length, 6, 0.01, 9, Initialisation.TUTORIAL,
                LossReduction.SUM, LstmImplementation.FUSED);
        assertThat(fused.params()).as("the same initial draws").isEqualTo(stock.params());

        Random random = new Random(5);
        INDArray[] first = bitStrings(random, batch, length);
        stock.setInput(first[0]);
        stock.setLabels(first[1]);
        stock.computeGradientAndScore();
        fused.setInput(first[0]);
        fused.setLabels(first[1]);
        fused.computeGradientAndScore();
        assertThat(fused.score()).as("the summed score").isGreaterThan(batch)
                .isCloseTo(stock.score(), org.assertj.core.data.Offset.offset(1e-4 * stock.score()));
        assertClose(fused.gradient().gradient(), stock.gradient().gradient());

        for (int i = 0; i < 5; i++) {
            INDArray[] data = bitStrings(random, batch, length);
            stock.fit(data[0], data[1]);
            fused.fit(data[0], data[1]);
        }
        assertClose(fused.params(), stock.params());
        assertThat(fusedHelper(fused).backwardPasses()).as("one gradient, five steps").isEqualTo(6);
    }

    /** Features [rows, 1, length] and one-hot counts for random strings. */
    private static INDArray[] bitStrings(Random random, int rows, int length) {
        INDArray features = Nd4j.create(DataType.FLOAT, rows, 1, length);
        INDArray labels = Nd4j.create(DataType.FLOAT, rows, length + 1);
        for (int row = 0; row < rows; row++) {
            int value = random.nextInt(1 << length);
            for (int t = 0; t < length; t++) {
                features.putScalar(new long[] {row, 0, t}, (value >> (length - 1 - t)) & 1);
            }
            labels.putScalar(row, Integer.bitCount(value), 1);
        }
        return new INDArray[] {features, labels};
    }

    private static FusedLstmHelper fusedHelper(MultiLayerNetwork network) {
        for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
            org.deeplearning4j.nn.api.Layer inner = layer instanceof org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer w
                    ? w.getUnderlying() : layer;
            if (inner.getHelper() instanceof FusedLstmHelper helper) {
                return helper;
            }
        }
        throw new AssertionError("no fused LSTM layer in the network");
    }

    @Test
    void aModelTrainedFusedPredictsTheSameInTheBuiltInLayerAndInPlainJava() {
        int length = 8;
        MultiLayerNetwork fused = NetworkFactory.build(length, 6, 0.01, 3, LstmImplementation.FUSED);
        Random random = new Random(3);
        INDArray features = Nd4j.create(DataType.FLOAT, 64, 1, length);
        INDArray labels = Nd4j.create(DataType.FLOAT, 64, length + 1);
        int[] values = new int[64];
        for (int row = 0; row < 64; row++) {
            values[row] = random.nextInt(1 << length);
            for (int t = 0; t < length; t++) {
                features.putScalar(new long[] {row, 0, t}, (values[row] >> (length - 1 - t)) & 1);
            }
            labels.putScalar(row, Integer.bitCount(values[row]), 1);
        }
        for (int i = 0; i < 20; i++) {
            fused.fit(features, labels);
        }
        ParameterSnapshot snapshot = NetworkFactory.snapshot(fused, length);
        MultiLayerNetwork stock = NetworkFactory.build(snapshot, 0.01, 3, LstmImplementation.STOCK);

        INDArray expected = fused.output(features);
        assertClose(stock.output(features), expected);
        Predictor predictor = new Predictor(snapshot);
        for (int row = 0; row < 64; row++) {
            double[] p = predictor.predict(values[row]).probabilities();
            for (int k = 0; k <= length; k++) {
                assertThat(p[k]).isCloseTo(expected.getDouble(row, k), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    private static MultiLayerNetwork network(Head head, LstmImplementation implementation, WorkspaceMode mode) {
        LSTM lstm = new LSTM.Builder().nIn(3).nOut(5).activation(Activation.TANH).build();
        Layer recurrent = implementation == LstmImplementation.FUSED ? FusedLstm.of(lstm) : lstm;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Sgd(0.1))
                .trainingWorkspaceMode(mode)
                .inferenceWorkspaceMode(mode)
                .list();
        MultiLayerConfiguration conf;
        if (head == Head.LAST_STEP) {
            conf = list.layer(new LastTimeStep(recurrent))
                    .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(6).activation(Activation.SOFTMAX).build())
                    .build();
        } else {
            // a stock LSTM underneath makes the fused layer's input gradient count too
            conf = list.layer(new LSTM.Builder().nIn(3).nOut(3).activation(Activation.TANH).build())
                    .layer(implementation == LstmImplementation.FUSED
                            ? FusedLstm.of(new LSTM.Builder().nIn(3).nOut(5).activation(Activation.TANH).build())
                            : new LSTM.Builder().nIn(3).nOut(5).activation(Activation.TANH).build())
                    .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(6).activation(Activation.SOFTMAX).build())
                    .build();
        }
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static INDArray oneHot(Random random, int rows, int classes) {
        INDArray labels = Nd4j.create(DataType.FLOAT, rows, classes);
        for (int r = 0; r < rows; r++) {
            labels.putScalar(r, random.nextInt(classes), 1);
        }
        return labels;
    }

    private static INDArray oneHotSequence(Random random, int rows, int classes, int steps) {
        INDArray labels = Nd4j.create(DataType.FLOAT, rows, classes, steps);
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < steps; t++) {
                labels.putScalar(new long[] {r, random.nextInt(classes), t}, 1);
            }
        }
        return labels;
    }
}
