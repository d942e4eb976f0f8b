package org.bitcountlab.core.dataset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * All 2^L bit strings of one length, shuffled by a seed and split: the first {@code trainSize}
 * train, all the rest test. Strings are kept as their int values; encodings are made per batch,
 * so the whole space never sits in memory as floats.
 */
public final class BitStringDataset {

    private final int length;
    private final long seed;
    private final int[] shuffled;
    private final int trainSize;

    private static int lastLength;
    private static long lastSeed;
    private static int[] lastPermutation;

    private BitStringDataset(int length, long seed, int[] shuffled, int trainSize) {
        this.length = length;
        this.seed = seed;
        this.shuffled = shuffled;
        this.trainSize = trainSize;
    }

    public static BitStringDataset create(int length, int trainSize, long seed) {
        BitStrings.checkLength(length);
        int total = 1 << length;
        if (trainSize < 1 || trainSize >= total) {
            throw new IllegalArgumentException(
                    "train size must be between 1 and " + (total - 1) + " for length " + length + ", got " + trainSize);
        }
        return new BitStringDataset(length, seed, permutation(length, seed), trainSize);
    }

    /**
     * The shuffled order of all strings of a length, which depends on the seed alone. The last one
     * is kept: the window's analyses of one model (held-out errors, full test, read-out, counter) and
     * the runs of a session mostly ask for the same one, and it is never handed out, only copies.
     */
    private static synchronized int[] permutation(int length, long seed) {
        if (lastPermutation != null && lastLength == length && lastSeed == seed) {
            return lastPermutation;
        }
        int total = 1 << length;
        int[] values = new int[total];
        for (int i = 0; i < total; i++) {
            values[i] = i;
        }
        shuffle(values, new SplittableRandom(seed));
        lastLength = length;
        lastSeed = seed;
        lastPermutation = values;
        return values;
    }

    /** Fisher-Yates, so the permutation depends on the seed alone. */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    public int length() {
        return length;
    }

    public int classes() {
        return length + 1;
    }

    public long seed() {
        return seed;
    }

    public int trainSize() {
        return trainSize;
    }

    public int testSize() {
        return shuffled.length - trainSize;
    }

    public int[] trainValues() {
        return Arrays.copyOfRange(shuffled, 0, trainSize);
    }

    public int[] testValues() {
        return Arrays.copyOfRange(shuffled, trainSize, shuffled.length);
    }

    /**
     * The test strings outside {@link #heldOutSample(int) the held-out sample} of that size: what a
     * decision taken on the sample (when to stop, which run is best) has never seen.
     */
    public int[] testValuesOutsideSample(int sampleSize) {
        if (sampleSize < 0 || sampleSize > testSize()) {
            throw new IllegalArgumentException(
                    "held-out sample size must be between 0 and " + testSize() + ", got " + sampleSize);
        }
        return Arrays.copyOfRange(shuffled, trainSize + sampleSize, shuffled.length);
    }

    /** How many training strings have each count of ones, 0 to L: the rare counts are the ones a network meets least. */
    public long[] trainingStringsByCount() {
        long[] byCount = new long[length + 1];
        for (int i = 0; i < trainSize; i++) {
            byCount[Integer.bitCount(shuffled[i])]++;
        }
        return byCount;
    }

    /**
     * A fixed sample of the test set: its first {@code size} strings. The test part is already in
     * shuffled order, so this is a uniform random sample, the same for every epoch of a run.
     */
    public int[] heldOutSample(int size) {
        if (size < 1 || size > testSize()) {
            throw new IllegalArgumentException(
                    "held-out sample size must be between 1 and " + testSize() + ", got " + size);
        }
        return Arrays.copyOfRange(shuffled, trainSize, trainSize + size);
    }
}
