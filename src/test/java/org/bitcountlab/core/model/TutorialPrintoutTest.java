package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TutorialPrintoutTest {

    @Test
    void theTutorialsExampleCountsTwelveAtTheProbabilityItPrinted() {
        Prediction printed = TutorialPrintout.prediction();

        assertThat(printed.bits()).isEqualTo("10011011101001101110");
        assertThat(printed.trueCount()).isEqualTo(12);
        assertThat(printed.predictedCount()).isEqualTo(12);
        assertThat(printed.probability(12)).isCloseTo(0.9826, within(0.00005));
        assertThat(printed.probabilities()).hasSize(21);
        double total = 0;
        for (double p : printed.probabilities()) {
            total += p;
        }
        assertThat(total).as("a softmax, as printed to 9 digits").isCloseTo(1.0, within(1e-6));
    }

    @Test
    void onlyTheExampleStringHasAPrintout() {
        int example = TutorialPrintout.exampleValue();
        assertThat(TutorialPrintout.isExample(example, 20)).isTrue();
        assertThat(TutorialPrintout.isExample(example ^ 1, 20)).isFalse();
        assertThat(TutorialPrintout.isExample(example, 21)).isFalse();
    }

    @Test
    void callersCannotAlterThePrintout() {
        TutorialPrintout.prediction().probabilities()[12] = 0;
        assertThat(TutorialPrintout.prediction().probability(12)).isGreaterThan(0.98);
    }
}
