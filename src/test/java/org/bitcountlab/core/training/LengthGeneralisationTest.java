package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitcountlab.core.model.Predictor;
import org.junit.jupiter.api.Test;

class LengthGeneralisationTest {

    @Test
    void atTheTrainedLengthItAgreesWithTheFullEvaluationAndItRunsOnOtherLengths() throws Exception {
        TrainedModel model = PretrainedModel.load();
        LengthGeneralisation.Result result = LengthGeneralisation.evaluate(model.parameters(), 10, 30, 2000, 4);

        assertThat(result.errorPercent()).hasSize(21);
        assertThat(result.errorAt(20)).isLessThan(3); // 0.72% on the full test set
        for (double error : result.errorPercent()) {
            assertThat(error).isBetween(0.0, 100.0);
        }
        // a 20-bit string through the length-agnostic path gives the predictor's answer
        int value = 0b1001_1011_1010_0110_1110;
        assertThat(new Predictor(model.parameters()).predict(value).predictedCount()).isEqualTo(12);
    }
}
