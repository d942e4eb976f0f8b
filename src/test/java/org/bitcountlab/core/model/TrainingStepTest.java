package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitcountlab.core.model.GradientCheck.assertClose;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.bitcountlab.core.dataset.Minibatch;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A fused training step must do exactly what DL4J's {@code fit} does with its built-in layers:
 * the same score, the same gradients, the same parameters after the updater's step.
 */
class TrainingStepTest {

    private static final double TOLERANCE = GradientCheck.TOLERANCE;

    @Test
    void aStopAskedForWithinAStepGivesItUpAndLeavesTheWeightsAsTheyWere() {
        MultiLayerNetwork network = NetworkFactory.build(9, 6, 0.01, 1);
        Random random = new Random(7);
        try (TrainingStep step = TrainingStep.of(network)) {
            Minibatch minibatch = randomMinibatch(random, 300, 9); // three shards of nine timesteps
            step.fit(minibatch);
            // the first question comes before the step; the others within it, up to the last timestep
            for (int questions : new int[] {1, 2, 3, 10, 30, 50}) {
                INDArray before = network.params().dup();
                java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

                assertThatThrownBy(() -> step.fit(minibatch, () -> asked.incrementAndGet() >= questions))
                        .as("stopped at question %d", questions)
                        .isInstanceOf(java.util.concurrent.CancellationException.class);
                assertThat(network.params()).as("stopped at question %d", questions).isEqualTo(before);
            }
            assertThat(step.fit(minibatch)).as("a step given up leaves the next one whole").isFinite();
        } finally {
            NetworkFactory.release(network);
        }
    }

    /** A large minibatch's buffers take seconds to allocate at 512 units: a stop is heard between them. */
    @Test
    void aStopAskedForWhileTheBuffersAreAllocatedGivesUpAndTheNextStepAllocatesThemWhole() {
        MultiLayerNetwork network = NetworkFactory.build(9, 6, 0.01, 1);
        Random random = new Random(8);
        try (TrainingStep step = TrainingStep.of(network)) {
            Minibatch minibatch = randomMinibatch(random, 300, 9); // three shards
            INDArray before = network.params().dup();
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            // question 1 comes before the step, 2 to 4 before each shard's buffers
            assertThatThrownBy(() -> step.fit(minibatch, () -> asked.incrementAndGet() >= 3))
                    .isInstanceOf(java.util.concurrent.CancellationException.class)
                    .hasMessageContaining("allocating");
            assertThat(asked.get()).as("no timestep was run").isEqualTo(3);
            assertThat(network.params()).isEqualTo(before);
            assertThat(step.fit(minibatch)).as("the next step allocates the shards again").isFinite();
            assertThat(step.fusedSteps()).isEqualTo(1);
        } finally {
            NetworkFactory.release(network);
        }
    }

    /** Plain SGD with a step of 1 makes each step's parameter change the gradient itself. */
    @ParameterizedTest(name = "batch {0}, {1} loss, hidden {2}")
    @CsvSource({"50, MEAN, 5", "150, MEAN, 7", "301, SUM, 4", "1, SUM, 3"})
    void gradientsAndScoresMatchTheBuiltInLayers(int batch, LossReduction reduction, int hidden) {
        int length = 9;
        MultiLayerNetwork stock = sgdNetwork(length, hidden, reduction);
        MultiLayerNetwork fused = sgdNetwork(length, hidden, reduction);
        fused.setParams(stock.params().dup());
        Random random = new Random(batch);
        try (TrainingStep step = TrainingStep.of(fused)) {
            assertThat(step.fused()).isTrue();
            for (int i = 0; i < 4; i++) {
                Minibatch minibatch = randomMinibatch(random, batch, length);
                INDArray before = stock.params().dup();
                double expectedScore = fitStock(stock, minibatch);
                INDArray expectedChange = before.sub(stock.params());
                INDArray fusedBefore = fused.params().dup();

                double score = step.fit(minibatch);

                assertThat(score).as("score of step %d", i)
                        .isCloseTo(expectedScore, org.assertj.core.data.Offset.offset(TOLERANCE * expectedScore));
                assertThat(fused.score()).isEqualTo(score);
                assertClose(fusedBefore.sub(fused.params()), expectedChange);
            }
            assertThat(step.fusedSteps()).isEqualTo(4);
            assertThat(step.adamSteps()).as("SGD: DL4J's updater").isZero();
            assertThat(fused.getIterationCount()).isEqualTo(stock.getIterationCount()).isEqualTo(4);
        }
    }

    /**
     * The real network: the tutorial's initialisation, Adam (computed by {@link AdamStep} on DL4J's
     * state), summed or mean loss, a learning rate that changes, a smaller minibatch, and one step
     * by DL4J's own fit in between.
     */
    @ParameterizedTest(name = "{0} loss, batch {1}")
    @CsvSource({"SUM, 1000", "MEAN, 50"})
    void adamStepsStayInStepWithDl4jFit(LossReduction reduction, int batch) {
        int length = 20;
        MultiLayerNetwork stock = NetworkFactory.build(CellType.LSTM, length, 24, 0.01, 9, Initialisation.TUTORIAL,
                reduction);
        MultiLayerNetwork fused = NetworkFactory.build(CellType.LSTM, length, 24, 0.01, 9, Initialisation.TUTORIAL,
                reduction);
        assertThat(fused.params()).isEqualTo(stock.params());
        Random random = new Random(17);
        try (TrainingStep step = TrainingStep.of(fused)) {
            for (int i = 0; i < 8; i++) {
                if (i == 3) {
                    stock.setLearningRate(0.005);
                    fused.setLearningRate(0.005);
                }
                Minibatch minibatch = randomMinibatch(random, i == 5 ? batch / 2 + 1 : batch, length);
                double expected = fitStock(stock, minibatch);
                double score = i == 6 ? fitStock(fused, minibatch) : step.fit(minibatch);
                assertThat(score).isCloseTo(expected, org.assertj.core.data.Offset.offset(TOLERANCE * expected));
            }
            assertThat(step.adamSteps()).isEqualTo(7);
        }
        assertClose(fused.params(), stock.params());
        assertClose(fused.getUpdater().getStateViewArray(), stock.getUpdater().getStateViewArray());
        assertThat(fused.getIterationCount()).isEqualTo(stock.getIterationCount()).isEqualTo(8);
    }

    @Test
    void aSmallerMinibatchAndDl4jFitInBetweenKeepTheStepsExact() {
        int length = 6;
        MultiLayerNetwork stock = sgdNetwork(length, 5, LossReduction.MEAN);
        MultiLayerNetwork fused = sgdNetwork(length, 5, LossReduction.MEAN);
        fused.setParams(stock.params().dup());
        Random random = new Random(3);
        try (TrainingStep step = TrainingStep.of(fused)) {
            for (int batch : new int[] {200, 70, 33, 200}) {
                Minibatch minibatch = randomMinibatch(random, batch, length);
                fitStock(stock, minibatch);
                step.fit(minibatch);
            }
            Minibatch minibatch = randomMinibatch(random, 90, length);
            fitStock(stock, minibatch);
            fitStock(fused, minibatch); // the network itself, between fused steps
            minibatch = randomMinibatch(random, 90, length);
            fitStock(stock, minibatch);
            step.fit(minibatch);
        }
        assertClose(fused.params(), stock.params());
    }

    @Test
    void otherNetworksAreTrainedByDl4jFit() {
        MultiLayerNetwork stock = NetworkFactory.build(6, 4, 0.01, 1);
        MultiLayerNetwork rnn = NetworkFactory.build(CellType.SIMPLE_RNN, 6, 4, 0.01, 1);
        MultiLayerNetwork listened = NetworkFactory.build(6, 4, 0.01, 1);
        listened.setListeners(new ScoreIterationListener(1000));
        Random random = new Random(2);
        for (MultiLayerNetwork network : new MultiLayerNetwork[] {stock, rnn, listened}) {
            LstmImplementation asked = network == stock ? LstmImplementation.STOCK : LstmImplementation.FUSED;
            try (TrainingStep step = TrainingStep.of(network, asked)) {
                assertThat(step.fused()).isFalse();
                for (int i = 0; i < 2; i++) { // the second after the first step's arrays were freed
                    INDArray before = network.params().dup();
                    double score = step.fit(randomMinibatch(random, 30, 6));
                    assertThat(score).isEqualTo(network.score()).isPositive();
                    assertThat(network.params()).isNotEqualTo(before);
                }
                assertThat(step.fusedSteps()).isZero();
            }
        }
        assertThat(TrainingStep.of(NetworkFactory.build(6, 4, 0.01, 1)).fused()).isTrue();
    }

    /** What the fused step trained, DL4J's layer and the plain-Java predictor answer alike. */
    @Test
    void aModelTrainedByTheFusedStepPredictsTheSameInDl4jAndInPlainJava() {
        int length = 8;
        MultiLayerNetwork trained = NetworkFactory.build(length, 6, 0.01, 3);
        Random random = new Random(3);
        int[] values = random.ints(64, 0, 1 << length).toArray();
        Minibatch minibatch = Minibatch.of(values, 0, values.length, length);
        try (TrainingStep step = TrainingStep.of(trained)) {
            for (int i = 0; i < 20; i++) {
                step.fit(minibatch);
            }
            assertThat(step.fusedSteps()).isEqualTo(20);
        }
        ParameterSnapshot snapshot = NetworkFactory.snapshot(trained, length);
        MultiLayerNetwork rebuilt = NetworkFactory.build(snapshot, 0.01, 3);
        INDArray features = Nd4j.create(minibatch.features(), new long[] {values.length, 1, length}, 'c');
        INDArray expected = trained.output(features);
        assertClose(rebuilt.output(features), expected);
        Predictor predictor = new Predictor(snapshot);
        for (int row = 0; row < values.length; row++) {
            double[] p = predictor.predict(values[row]).probabilities();
            for (int k = 0; k <= length; k++) {
                assertThat(p[k]).isCloseTo(expected.getDouble(row, k), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void aMinibatchOfAnotherShapeIsRefused() {
        MultiLayerNetwork network = NetworkFactory.build(6, 4, 0.01, 1);
        try (TrainingStep step = TrainingStep.of(network)) {
            assertThatThrownBy(() -> step.fit(randomMinibatch(new Random(1), 10, 7)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes");
        }
    }

    private static double fitStock(MultiLayerNetwork network, Minibatch minibatch) {
        INDArray features = Nd4j.create(minibatch.features(), new long[] {minibatch.size(), 1, minibatch.length()}, 'c');
        INDArray labels = Nd4j.create(minibatch.labels(), new long[] {minibatch.size(), minibatch.length() + 1}, 'c');
        network.fit(features, labels);
        return network.score();
    }

    private static Minibatch randomMinibatch(Random random, int size, int length) {
        int[] values = random.ints(size, 0, 1 << length).toArray();
        return Minibatch.of(values, 0, size, length);
    }

    private static MultiLayerNetwork sgdNetwork(int length, int hidden, LossReduction reduction) {
        LSTM lstm = new LSTM.Builder().nIn(1).nOut(hidden).activation(Activation.TANH).build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(4)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Sgd(1.0))
                .miniBatch(reduction == LossReduction.MEAN)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .list()
                .layer(new LastTimeStep(lstm))
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(hidden).nOut(length + 1)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
