package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Predictor;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void theEvaluationCountsExactlyTheStringsThePredictorGetsWrong() {
        ParameterSnapshot parameters = ParameterSnapshot.untrained(14, 5, 8);
        int[] test = BitStringDataset.create(14, 1000, 2).testValues();
        Predictor predictor = new Predictor(parameters);
        long wrong = 0;
        long[] wrongByCount = new long[15];
        for (int value : test) {
            if (!predictor.predict(value).correct()) {
                wrong++;
                wrongByCount[Integer.bitCount(value)]++;
            }
        }

        Evaluation evaluation = Evaluator.evaluate(parameters, test);

        assertThat(evaluation.strings()).isEqualTo(test.length);
        assertThat(evaluation.errors()).isEqualTo(wrong);
        for (int k = 0; k <= 14; k++) {
            assertThat(evaluation.errorsWithCount(k)).isEqualTo(wrongByCount[k]);
        }
        assertThat(evaluation.errorPercent()).isEqualTo(100.0 * wrong / test.length);
    }

    @Test
    void errorByCountCoversEveryCountWithBinomialSizes() {
        Evaluation evaluation = Evaluator.evaluate(ParameterSnapshot.untrained(10, 4, 1),
                BitStringDataset.create(10, 1, 1).testValues());

        assertThat(evaluation.confusion()).hasNumberOfRows(11);
        assertThat(evaluation.stringsWithCount(5)).isIn(252L, 251L);
        assertThat(evaluation.stringsWithCount(0) + evaluation.stringsWithCount(10)).isIn(1L, 2L);
    }

    @Test
    void aCancelledEvaluationThrows() {
        int[] values = BitStringDataset.create(20, 10, 1).testValues();
        assertThatThrownBy(() -> Evaluator.evaluate(ParameterSnapshot.untrained(20, 8, 1), values, p -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
