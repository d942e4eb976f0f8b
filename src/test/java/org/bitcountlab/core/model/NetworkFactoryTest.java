package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class NetworkFactoryTest {

    private static final int LENGTH = 20;
    private static final int HIDDEN = 24;

    private static MultiLayerNetwork tutorial(long seed) {
        return NetworkFactory.build(CellType.LSTM, LENGTH, HIDDEN, 0.001, seed, Initialisation.TUTORIAL, LossReduction.SUM);
    }

    @Test
    void theTutorialInitialisationIsGlorotUniformOverTheWholeKernelWithAForgetBiasOfOne() {
        MultiLayerNetwork network = tutorial(1);
        INDArray input = network.getParam("0_W");
        INDArray recurrent = network.getParam("0_RW");
        INDArray bias = network.getParam("0_b");

        assertThat(recurrent.shape()).as("no peephole weights: DL4J's LSTM is [H, 4H]").containsExactly(24, 96);
        assertThat(input.shape()).containsExactly(1, 96);
        double limit = Math.sqrt(6.0 / (25 + 96));
        INDArray kernel = Nd4j.concat(0, input, recurrent);
        assertThat(kernel.amaxNumber().doubleValue()).isBetween(0.98 * limit, limit);
        assertThat(kernel.stdNumber().doubleValue()).as("uniform(-a, a) has sd a / sqrt 3")
                .isCloseTo(limit / Math.sqrt(3), within(0.05 * limit));
        assertThat(input.stdNumber().doubleValue()).as("input rows share the kernel's limit")
                .isCloseTo(limit / Math.sqrt(3), within(0.2 * limit));
        for (int j = 0; j < 96; j++) {
            boolean forget = j >= LstmGates.FORGET * HIDDEN && j < (LstmGates.FORGET + 1) * HIDDEN;
            assertThat(bias.getDouble(j)).as("bias %d", j).isEqualTo(forget ? 1.0 : 0.0);
        }
    }

    @Test
    void theTutorialOutputLayerIsATruncatedNormalOfSdOneAndABiasOfOneTenth() {
        MultiLayerNetwork network = tutorial(2);
        INDArray weights = network.getParam("1_W");
        INDArray bias = network.getParam("1_b");

        assertThat(weights.shape()).containsExactly(24, 21);
        assertThat(weights.amaxNumber().doubleValue()).isBetween(1.5, 2.0);
        // a standard normal cut at +-2 has sd 0.880 (DL4J's Xavier here: about 0.21)
        assertThat(weights.stdNumber().doubleValue()).isCloseTo(0.880, within(0.08));
        assertThat(bias.minNumber().doubleValue()).isCloseTo(0.1, within(1e-7));
        assertThat(bias.maxNumber().doubleValue()).isCloseTo(0.1, within(1e-7));
    }

    @Test
    void theOutputOnlyInitialisationKeepsDl4jsLstmWeights() {
        MultiLayerNetwork xavier = NetworkFactory.build(CellType.LSTM, LENGTH, HIDDEN, 0.001, 3, Initialisation.XAVIER,
                LossReduction.MEAN);
        MultiLayerNetwork outputOnly = NetworkFactory.build(CellType.LSTM, LENGTH, HIDDEN, 0.001, 3, Initialisation.TUTORIAL_OUTPUT,
                LossReduction.MEAN);

        for (String lstm : new String[] {"0_W", "0_RW", "0_b"}) {
            assertThat(outputOnly.getParam(lstm)).isEqualTo(xavier.getParam(lstm));
        }
        assertThat(outputOnly.getParam("1_W").stdNumber().doubleValue()).isGreaterThan(0.7);
        assertThat(xavier.getParam("1_W").stdNumber().doubleValue()).isLessThan(0.3);
    }

    @Test
    void theInitialisationFollowsTheSeed() {
        assertThat(tutorial(5).params()).isEqualTo(tutorial(5).params());
        assertThat(tutorial(5).params()).isNotEqualTo(tutorial(6).params());
    }

    @Test
    void adamRunsWithTensorFlowsDefaults() {
        Adam adam = (Adam) ((BaseLayer) ((LastTimeStep) tutorial(1).getLayerWiseConfigurations().getConf(0).getLayer())
                .getUnderlying()).getIUpdater();
        assertThat(adam.getLearningRate()).isEqualTo(0.001);
        assertThat(adam.getBeta1()).isEqualTo(0.9);
        assertThat(adam.getBeta2()).isEqualTo(0.999);
        assertThat(adam.getEpsilon()).isEqualTo(1e-8);
    }

    /**
     * What {@code miniBatch(false)} does in DL4J 1.0.0-M2.1: the loss function's gradient is that
     * of the sum over the minibatch, and only with {@code miniBatch(true)} does the updater divide
     * it (and the score) by the minibatch size. One plain SGD step shows it: the step is n times
     * larger without the division.
     */
    @Test
    void withoutMiniBatchDl4jStepsOnTheSummedLossAndReportsTheSummedScore() {
        int n = 50;
        Random random = new Random(11);
        INDArray features = Nd4j.rand(DataType.DOUBLE, n, 1, 6);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, n, 4);
        for (int row = 0; row < n; row++) {
            labels.putScalar(row, random.nextInt(4), 1);
        }
        MultiLayerNetwork averaged = sgdNetwork(true);
        MultiLayerNetwork summed = sgdNetwork(false);
        summed.setParams(averaged.params().dup());
        INDArray before = averaged.params().dup();

        averaged.fit(features, labels);
        summed.fit(features, labels);

        assertThat(summed.score()).isCloseTo(n * averaged.score(), within(1e-6 * n * averaged.score()));
        INDArray averagedStep = averaged.params().sub(before);
        INDArray summedStep = summed.params().sub(before);
        double mismatch = summedStep.sub(averagedStep.mul(n)).amaxNumber().doubleValue();
        assertThat(mismatch / summedStep.amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void theSummedLossNetworkScoresTheMinibatchSum() {
        MultiLayerNetwork mean = NetworkFactory.build(CellType.LSTM, 8, 4, 0.001, 1, Initialisation.TUTORIAL, LossReduction.MEAN);
        MultiLayerNetwork sum = NetworkFactory.build(CellType.LSTM, 8, 4, 0.001, 1, Initialisation.TUTORIAL, LossReduction.SUM);
        INDArray features = Nd4j.rand(DataType.FLOAT, 100, 1, 8);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 100, 9);
        for (int row = 0; row < 100; row++) {
            labels.putScalar(row, row % 9, 1);
        }
        assertThat(sum.score(new org.nd4j.linalg.dataset.DataSet(features, labels)))
                .isCloseTo(100 * mean.score(new org.nd4j.linalg.dataset.DataSet(features, labels)), within(1e-2));
    }

    private static MultiLayerNetwork sgdNetwork(boolean miniBatch) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(4)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(new Sgd(0.01))
                .miniBatch(miniBatch)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(1).nOut(5).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(4).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
