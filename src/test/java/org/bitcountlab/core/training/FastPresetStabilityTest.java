package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The presets are what a class sees first: once the held-out error has come down to 2%, it
 * must never jump back above 3%. The seeds are ones that broke earlier candidates: at a constant
 * rate of 0.01 seed 2 jumped to 8.7% at epoch 12; from 0.02 with a decay of 0.9, seed 5 jumped to
 * 48% at epoch 7. Not timed: the rule is about the curve, whatever the machine.
 */
class FastPresetStabilityTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 5})
    void onceDownTo2PercentTheHeldOutErrorNeverRisesAbove3Percent(long seed) {
        List<Double> errors = curveStayingDown(Preset.FAST.settings().withSeed(seed));
        assertThat(firstIndexAtMost(errors, 1.0)).as("reaches 1%%: %s", errors).isNotNegative();
    }

    /**
     * The Thorough preset keeps the same promise over its 50 epochs. Of seeds 1-5, seed 5 came
     * closest (2.4% after reaching 2%); schedules with a larger rate jumped to 13-87% once.
     */
    @org.junit.jupiter.api.Test
    void theThoroughPresetStaysDownToo() {
        List<Double> errors = curveStayingDown(Preset.THOROUGH.settings().withSeed(5));
        assertThat(errors.get(errors.size() - 1)).as("ends well under the tutorial's 0.3%%: %s", errors).isLessThan(0.2);
    }

    /**
     * So does Every length, and it counts every length it trained on. With Thorough's decay (0.93)
     * this seed jumped to 44% at epoch 15; seed 5 to 72%.
     */
    @org.junit.jupiter.api.Test
    void theEveryLengthPresetStaysDownAndCountsEveryLength() {
        RunResult run = stayingDown(Preset.EVERY_LENGTH.settings().withSeed(2));
        List<Double> errors = heldOutErrors(run);
        assertThat(errors.get(errors.size() - 1)).as("%s", errors).isLessThan(0.2);
        LengthGeneralisation.Result lengths = LengthGeneralisation.evaluate(run.parameters(), 1, 20, 2000, 1);
        for (int length = 1; length <= 20; length++) {
            assertThat(lengths.errorAt(length)).as("at %d bits", length).isLessThan(0.5);
        }
    }

    private static List<Double> curveStayingDown(TrainingSettings settings) {
        return heldOutErrors(stayingDown(settings));
    }

    private static List<Double> heldOutErrors(RunResult result) {
        return result.curve().stream().map(EpochResult::heldOutError).toList();
    }

    /** Trains the settings to the end; checks the run completed and, once at 2%, never rose above 3%. */
    private static RunResult stayingDown(TrainingSettings settings) {
        RunResult result = new TrainingRun(settings, new TrainingListener() { }).run();
        List<Double> errors = heldOutErrors(result);
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        int firstAt2 = firstIndexAtMost(errors, 2.0);
        assertThat(firstAt2).as("reaches 2%%: %s", errors).isNotNegative();
        assertThat(errors.subList(firstAt2, errors.size())).as("after epoch %d: %s", firstAt2 + 1, errors)
                .allSatisfy(error -> assertThat(error).isLessThanOrEqualTo(3.0));
        return result;
    }

    private static int firstIndexAtMost(List<Double> errors, double limit) {
        for (int i = 0; i < errors.size(); i++) {
            if (errors.get(i) <= limit) {
                return i;
            }
        }
        return -1;
    }
}
