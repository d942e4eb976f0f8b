package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PredictorTest {

    private final ParameterSnapshot parameters = ParameterSnapshot.untrained(20, 24, 11);

    @Test
    void aPredictionIsASoftmaxOverCountsZeroToTwenty() {
        Prediction prediction = new Predictor(parameters).predict("10011011101001101110");

        assertThat(prediction.probabilities()).hasSize(21);
        assertThat(Arrays.stream(prediction.probabilities()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(prediction.probabilities()).allMatch(p -> p > 0 && p < 1)).isTrue();
        assertThat(prediction.trueCount()).isEqualTo(12);
    }

    @Test
    void theStepTraceEndsWhereThePredictionIs() {
        Predictor predictor = new Predictor(parameters);
        int value = 0b1011_0000_1111_0101_0011;
        StepTrace trace = predictor.trace(value);

        assertThat(trace.hidden()).hasNumberOfRows(20);
        assertThat(trace.units()).isEqualTo(24);
        assertThat(trace.predictions()[19]).containsExactly(predictor.predict(value).probabilities(), within(1e-12));
    }

    @Test
    void prefixTreeForwardAgreesWithOneStringAtATime() {
        ParameterSnapshot p = ParameterSnapshot.untrained(12, 7, 4);
        Predictor predictor = new Predictor(p);
        Random random = new Random(2);
        int[] values = random.ints(3000, 0, 1 << 12).sorted().toArray();
        int[] predicted = new int[values.length];

        new PrefixTreeForward(p).predictSorted(values, 0, values.length, predicted);

        for (int i = 0; i < values.length; i++) {
            assertSameAnswer(predicted[i], predictor.predict(values[i]), values[i]);
        }
    }

    @Test
    void fastTanhIsAccurateToAFewFloatUlps() {
        for (float x = -12f; x <= 12f; x += 0.001f) {
            assertThat((double) FastMath.tanh(x)).isCloseTo(Math.tanh(x), within(5e-7));
            assertThat((double) FastMath.sigmoid(x)).isCloseTo(1 / (1 + Math.exp(-x)), within(5e-7));
        }
    }

    @Test
    void snapshotsRejectWrongSizesAndNonFiniteWeights() {
        assertThatThrownBy(() -> ParameterSnapshot.fromFlat(20, 24, new float[10]))
                .hasMessageContaining("has " + ParameterSnapshot.parameterCount(20, 24) + " parameters, got 10");
        float[] flat = parameters.toFlat();
        flat[3] = Float.NaN;
        assertThatThrownBy(() -> ParameterSnapshot.fromFlat(20, 24, flat)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new Predictor(parameters).predict(1 << 20)).hasMessageContaining("not a bit string");
    }

    /**
     * The batched path sums its products in another order than the one-string path, so the two
     * agree to float rounding: the same count, or two counts the model rates within 1e-5 of each other.
     */
    static void assertSameAnswer(int predicted, Prediction expected, int value) {
        if (predicted != expected.predictedCount()) {
            double[] p = expected.probabilities();
            assertThat(Math.abs(p[predicted] - p[expected.predictedCount()])).as("string %d: %d against %d, a near-tie only",
                    value, predicted, expected.predictedCount()).isLessThan(1e-5);
        }
    }
}
