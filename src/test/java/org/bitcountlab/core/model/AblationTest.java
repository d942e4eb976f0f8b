package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.PretrainedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AblationTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void silencingEveryUnitLeavesTheOutputLayersBiasOnlyAnswer(CellType cellType) {
        ParameterSnapshot parameters = ParameterSnapshot.untrained(cellType, 10, 5, 3);
        float[] bias = parameters.outputBias();
        bias[7] = 3f; // make the bias-only answer unmistakable
        parameters = ParameterSnapshot.fromParts(cellType, 10, 5, parameters.inputWeights(),
                parameters.recurrentWeights(), parameters.recurrentBias(), parameters.outputWeights(), bias);
        double[] biasOnly = softmax(bias);
        Predictor silenced = new Predictor(parameters, SilencedUnits.all(5));

        for (int value : new int[] {0, 1, 0b1010101010, 1023}) {
            assertThat(silenced.predict(value).probabilities()).containsExactly(biasOnly, within(1e-6));
            assertThat(silenced.trace(value).hidden()[9]).containsOnly(0f);
        }
        int[] all = java.util.stream.IntStream.range(0, 1 << 10).toArray();
        Evaluation evaluation = Evaluator.evaluate(parameters, SilencedUnits.all(5), all);
        assertThat(evaluation.errors()).as("every string answered 7").isEqualTo(all.length - evaluation.stringsWithCount(7));
        assertThat(evaluation.confusion()[3][7]).isEqualTo(evaluation.stringsWithCount(3));
    }

    @Test
    void silencingCountingUnitsOfThePretrainedModelCostsAccuracyAndTheEvaluatorAgreesWithThePredictor() throws Exception {
        ParameterSnapshot parameters = PretrainedModel.load().parameters();
        SilencedUnits some = SilencedUnits.none();
        for (int unit = 0; unit < parameters.hidden(); unit += 2) {
            some = some.toggled(unit);
        }
        Predictor predictor = new Predictor(parameters, some);
        int[] values = new Random(9).ints(2000, 0, 1 << 20).sorted().toArray();
        long wrong = 0;
        for (int value : values) {
            if (!predictor.predict(value).correct()) {
                wrong++;
            }
        }

        assertThat(Evaluator.evaluate(parameters, some, values).errors()).isEqualTo(wrong);
        assertThat(100.0 * wrong / values.length).isGreaterThan(10 * Evaluator.evaluate(parameters, values).errorPercent());
        assertThat(some.toggled(0).contains(0)).isFalse(); // a second click restores a unit
    }

    @Test
    void aUnitTheLayerDoesNotHaveIsRejected() {
        assertThatThrownBy(() -> new Predictor(ParameterSnapshot.untrained(20, 4, 1), SilencedUnits.of(4)))
                .hasMessageContaining("unit 4 does not exist in a layer of 4 units");
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
