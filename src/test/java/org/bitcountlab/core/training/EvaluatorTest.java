package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
    void stringsAreSortedAlikeByCountingAndByComparison() {
        int[] dense = {5, 3, 3, 0, 15, 7, 7, 7, 1, 2, 9, 12}; // a large share of the 16 strings of length 4, with repeats
        int[] expected = dense.clone();
        java.util.Arrays.sort(expected);
        assertThat(Evaluator.sorted(dense, 4)).containsExactly(expected);
        int[] sparse = {900_000, 3, 3, 70};
        assertThat(Evaluator.sorted(sparse, 20)).containsExactly(3, 3, 70, 900_000);
        assertThat(dense[0]).as("the input is left as it was").isEqualTo(5);

        for (int length : new int[] {17, 23, 24}) { // a radix sort, for odd and even lengths
            int[] many = new java.util.SplittableRandom(length).ints(100_000, 0, 1 << length).toArray();
            int[] inOrder = many.clone();
            java.util.Arrays.sort(inOrder);
            assertThat(Evaluator.sorted(many, length)).as("length %d", length).containsExactly(inOrder);
        }
    }

    /**
     * The full-test figure in the README comes from this path: sorted, chunked, run in parallel
     * through the prefix tree, merged. Here it meets DL4J's own {@code network.output()} on every
     * test string of a length small enough to run them all directly, over several chunks.
     */
    @Test
    void overSeveralChunksTheEvaluationMatchesDl4jsOwnOutputStringForString() {
        int length = 16;
        TrainingSettings settings = new TrainingSettings(length, 12, 50, 2, 0.02, 2000, 9, 1000, true);
        int[] test = BitStringDataset.create(length, settings.trainSize(), settings.seed()).testValues();
        assertThat(test.length).as("several chunks").isGreaterThan(3 * Evaluator.MAX_CHUNK);
        ParameterSnapshot parameters = new TrainingRun(settings, new TrainingListener() { }).run().parameters();
        Dl4jReference.Answers dl4j = Dl4jReference.answers(parameters, test, length);
        long[][] expected = dl4j.confusion(test, length + 1);
        assertThat(dl4j.errors(test)).as("a half-trained model, right and wrong often enough to tell")
                .isBetween(test.length / 100L, test.length * 9L / 10);

        Evaluation evaluation = Evaluator.evaluate(parameters, test);

        assertThat(evaluation.strings()).isEqualTo(test.length);
        long disagreements = 0;
        for (int t = 0; t <= length; t++) {
            for (int p = 0; p <= length; p++) {
                disagreements += Math.abs(evaluation.confusion()[t][p] - expected[t][p]);
            }
        }
        // a string whose top two probabilities nearly tie may go either way (and moves two cells)
        assertThat(dl4j.nearTies()).isLessThan(test.length / 500);
        assertThat(disagreements).isLessThanOrEqualTo(2L * dl4j.nearTies());
        assertThat(Math.abs(evaluation.errors() - dl4j.errors(test))).isLessThanOrEqualTo(dl4j.nearTies());
    }

    /** A training run scores through one set of workspaces, model after model, as a fresh evaluation does. */
    @Test
    void workspacesKeptBetweenEvaluationsScoreEachModelAsAFreshEvaluation() {
        int[] heldOut = BitStringDataset.create(20, 10_000, 4).heldOutSample(3 * Evaluator.MAX_CHUNK + 100);
        int[] few = Arrays.copyOf(heldOut, 500);
        long[][] firstModels = null;
        try (ScoringWorkspaces workspaces = new ScoringWorkspaces()) {
            for (long seed = 1; seed <= 3; seed++) {
                ParameterSnapshot model = ParameterSnapshot.untrained(20, 6, seed);
                // few strings first: their small workspace is replaced for the many
                for (int[] values : new int[][] {few, heldOut, few}) {
                    Evaluation kept = Evaluator.evaluate(model, values, workspaces);
                    Evaluation fresh = Evaluator.evaluate(model, values);
                    assertThat(kept.confusion()).as("seed %d, %d strings", seed, values.length)
                            .isDeepEqualTo(fresh.confusion());
                    if (seed == 1 && values == heldOut) {
                        firstModels = fresh.confusion();
                    } else if (seed == 2 && values == heldOut) {
                        assertThat(fresh.confusion()).as("models that answer differently").isNotEqualTo(firstModels);
                    }
                }
            }
            assertThat(workspaces.idle()).as("one per thread that scored, kept for the next evaluation")
                    .isBetween(1, Evaluator.parallelChunks());
        }
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
