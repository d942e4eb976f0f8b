package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plain-Java simple RNN must compute what DL4J's {@code SimpleRnn} computes. */
class SimpleRnnTest {

    private static final int LENGTH = 8;
    private static final int HIDDEN = 6;

    @Test
    void thePlainJavaPredictionMatchesDl4jsOutput() {
        MultiLayerNetwork network = NetworkFactory.build(CellType.SIMPLE_RNN, LENGTH, HIDDEN, 0.02, 3);
        assertThat(network.getLayerWiseConfigurations().getConf(0).getLayer().toString()).contains(SimpleRnn.class.getSimpleName());
        Random random = new Random(5);
        int[] values = random.ints(64, 0, 1 << LENGTH).toArray();
        INDArray features = features(values);
        INDArray labels = Nd4j.create(DataType.FLOAT, values.length, LENGTH + 1);
        for (int row = 0; row < values.length; row++) {
            labels.putScalar(row, Integer.bitCount(values[row]), 1);
        }
        for (int i = 0; i < 30; i++) {
            network.fit(features, labels); // trained weights, not just the initial ones
        }
        ParameterSnapshot snapshot = NetworkFactory.snapshot(network, LENGTH);
        assertThat(snapshot.cellType()).isEqualTo(CellType.SIMPLE_RNN);

        INDArray expected = network.output(features);
        Predictor predictor = new Predictor(snapshot);
        for (int row = 0; row < values.length; row++) {
            double[] p = predictor.predict(values[row]).probabilities();
            for (int k = 0; k <= LENGTH; k++) {
                assertThat(p[k]).as("string %d, count %d", values[row], k).isCloseTo(expected.getDouble(row, k), within(1e-5));
            }
        }
        // and the weights go back into a network unchanged
        MultiLayerNetwork rebuilt = NetworkFactory.build(snapshot, 0.02, 3);
        assertThat(rebuilt.output(features).equalsWithEps(expected, 1e-6)).isTrue();
    }

    @Test
    void theBatchedEvaluationAgreesWithOneStringAtATime() {
        ParameterSnapshot p = ParameterSnapshot.untrained(CellType.SIMPLE_RNN, 12, 7, 4);
        Predictor predictor = new Predictor(p);
        int[] values = new Random(2).ints(3000, 0, 1 << 12).sorted().toArray();
        int[] predicted = new int[values.length];

        new PrefixTreeForward(p).predictSorted(values, 0, values.length, predicted);

        for (int i = 0; i < values.length; i++) {
            assertThat(predicted[i]).as("string %d", values[i]).isEqualTo(predictor.predict(values[i]).predictedCount());
        }
    }

    @Test
    void itsStepTraceHasNoSeparateCellState() {
        StepTrace trace = new Predictor(ParameterSnapshot.untrained(CellType.SIMPLE_RNN, 20, 4, 1)).trace(12345);

        assertThat(trace.units()).isEqualTo(4);
        assertThat(trace.cell()).isDeepEqualTo(trace.hidden());
    }

    private static INDArray features(int[] values) {
        INDArray features = Nd4j.create(DataType.FLOAT, values.length, 1, LENGTH);
        for (int row = 0; row < values.length; row++) {
            for (int t = 0; t < LENGTH; t++) {
                features.putScalar(new long[] {row, 0, t}, (values[row] >> (LENGTH - 1 - t)) & 1);
            }
        }
        return features;
    }
}
