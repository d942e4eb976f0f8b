package org.bitcountlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BitStringDatasetTest {

    @Test
    void theTutorialSplitHasTenThousandTrainingAndAllOtherStringsForTest() {
        BitStringDataset dataset = BitStringDataset.create(20, 10_000, 1);

        assertThat(dataset.trainValues()).hasSize(10_000);
        assertThat(dataset.testValues()).hasSize(1_038_576);
        assertThat(dataset.testSize()).isEqualTo(1_038_576);
    }

    @Test
    void trainAndTestAreDisjointAndTogetherCoverEveryString() {
        BitStringDataset dataset = BitStringDataset.create(12, 300, 5);
        Set<Integer> train = new HashSet<>();
        for (int v : dataset.trainValues()) {
            train.add(v);
        }
        Set<Integer> all = new HashSet<>(train);
        for (int v : dataset.testValues()) {
            assertThat(train).doesNotContain(v);
            all.add(v);
        }
        assertThat(train).hasSize(300);
        assertThat(all).hasSize(1 << 12);
    }

    @Test
    void theSameSeedGivesTheSameShuffleAndAnotherSeedAnother() {
        int[] a = BitStringDataset.create(16, 1000, 7).trainValues();
        int[] b = BitStringDataset.create(16, 1000, 7).trainValues();
        int[] c = BitStringDataset.create(16, 1000, 8).trainValues();

        assertThat(a).isEqualTo(b);
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @Test
    void theHeldOutSampleIsTheSameTestStringsEveryTime() {
        BitStringDataset dataset = BitStringDataset.create(14, 1000, 3);
        int[] sample = dataset.heldOutSample(500);

        assertThat(sample).isEqualTo(dataset.heldOutSample(500));
        assertThat(dataset.testValues()).contains(sample);
        assertThat(dataset.trainValues()).doesNotContain(sample);
    }

    @Test
    void theTestStringsOutsideTheSampleAreTheRestOfTheTestSet() {
        BitStringDataset dataset = BitStringDataset.create(14, 1000, 3);
        int[] sample = dataset.heldOutSample(500);
        int[] outside = dataset.testValuesOutsideSample(500);

        assertThat(outside).hasSize(dataset.testSize() - 500).doesNotContain(sample);
        int[] together = java.util.stream.IntStream.concat(Arrays.stream(sample), Arrays.stream(outside)).sorted().toArray();
        int[] test = dataset.testValues();
        Arrays.sort(test);
        assertThat(together).isEqualTo(test);
    }

    @Test
    void minibatchesEncodeMostSignificantBitFirstAndLabelTheNumberOfOnes() {
        int value = BitStrings.parse("10011011101001101110", 20);
        Minibatch batch = Minibatch.of(new int[] {0, value}, 1, 2, 20);

        assertThat(batch.features()).containsExactly(1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0);
        float[] expectedLabel = new float[21];
        expectedLabel[Integer.bitCount(value)] = 1;
        assertThat(batch.labels()).containsExactly(expectedLabel);
        assertThat(Integer.bitCount(value)).isEqualTo(12);
    }

    @Test
    void everyLabelEqualsTheBitCount() {
        int[] values = BitStringDataset.create(10, 100, 9).trainValues();
        Minibatch batch = Minibatch.of(values, 0, values.length, 10);
        for (int row = 0; row < values.length; row++) {
            int hot = -1;
            for (int k = 0; k <= 10; k++) {
                if (batch.labels()[row * 11 + k] == 1f) {
                    hot = k;
                }
            }
            assertThat(hot).isEqualTo(Integer.bitCount(values[row]));
            float ones = 0;
            for (int t = 0; t < 10; t++) {
                ones += batch.features()[row * 10 + t];
            }
            assertThat((int) ones).isEqualTo(hot);
        }
    }

    @Test
    void badBitStringsAndSplitsAreRejectedWithAMessage() {
        assertThatThrownBy(() -> BitStrings.parse("1012", 4)).hasMessageContaining("Only 0 and 1");
        assertThatThrownBy(() -> BitStrings.parse("101", 4)).hasMessageContaining("length 4");
        assertThatThrownBy(() -> BitStringDataset.create(20, 0, 1)).hasMessageContaining("train size must be between 1 and 1048575");
        assertThatThrownBy(() -> BitStringDataset.create(30, 10, 1)).hasMessageContaining("length must be between 2 and 24");
        assertThat(BitStrings.format(BitStrings.parse("0010 1101", 8), 8)).isEqualTo("00101101");
    }
}
