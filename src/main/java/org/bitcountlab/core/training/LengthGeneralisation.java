package org.bitcountlab.core.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.PrefixTreeForward;
import org.bitcountlab.core.model.SilencedUnits;

/**
 * How a model counts strings of other lengths than its longest. The recurrent layer runs for any
 * number of steps; the output layer names the counts 0..L only. So at each length the error is
 * measured on strings whose count it can name (every such string where there are at most {@code
 * samples} of them, a random sample where there are more), and beyond L the strings with more ones
 * than it can name are measured apart: it cannot be right about them, and the count it gives them
 * most often shows whether it saturates at its largest count or loses count.
 */
public final class LengthGeneralisation {

    /**
     * About how many strings {@link #evaluate} scores at {@code samples} a length from 1 to 30: the
     * countable ones and, beyond 20 ones, as many again (for a cost estimate before it starts).
     */
    public static long stringsScored(int samples) {
        return 40L * samples;
    }

    /** Strings scored at once, in sorted order, by the batched forward pass. */
    private static final int CHUNK = 1 << 14;

    /**
     * @param errorPercent     per length from {@code fromLength}: error in percent on strings whose
     *                         count the model can name
     * @param strings          per length: how many such strings were scored
     * @param samples          the most strings scored at one length
     * @param beyondPercent    per length: the share, in percent, of all strings of that length with
     *                         more ones than the model's largest count (0 up to that count)
     * @param beyondSaid       per length: of a sample of those strings, the count it gives most often
     *                         (-1 where there are none)
     * @param beyondSaidPercent per length: how often, in percent, it gives that count (NaN where none)
     */
    public record Result(int fromLength, double[] errorPercent, int[] strings, int samples, int largestCount,
            double[] beyondPercent, int[] beyondSaid, double[] beyondSaidPercent) {

        public int toLength() {
            return fromLength + errorPercent.length - 1;
        }

        public double errorAt(int length) {
            return errorPercent[length - fromLength];
        }

        /** Whether every string of the length was scored (short lengths have few), not a sample. */
        public boolean exhaustiveAt(int length) {
            return strings[length - fromLength] == countable(length, largestCount);
        }
    }

    private LengthGeneralisation() {
    }

    public static Result evaluate(ParameterSnapshot parameters, int fromLength, int toLength, int samples, long seed) {
        return evaluate(parameters, SilencedUnits.none(), fromLength, toLength, samples, seed);
    }

    /** The same, with {@code silenced} units' output held at 0. */
    public static Result evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int fromLength, int toLength,
            int samples, long seed) {
        return evaluate(parameters, silenced, fromLength, toLength, samples, seed, () -> false);
    }

    /**
     * The same, asking {@code cancelled} before each length: a large network takes a while.
     *
     * @throws CancellationException once {@code cancelled} answers true
     */
    public static Result evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int fromLength, int toLength,
            int samples, long seed, BooleanSupplier cancelled) {
        if (fromLength < 1 || toLength > 30 || fromLength > toLength) {
            throw new IllegalArgumentException("lengths must satisfy 1 <= from <= to <= 30");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        PrefixTreeForward forward = new PrefixTreeForward(parameters, silenced);
        int largest = parameters.classes() - 1;
        SplittableRandom random = new SplittableRandom(seed);
        int lengths = toLength - fromLength + 1;
        double[] errors = new double[lengths];
        int[] strings = new int[lengths];
        double[] beyond = new double[lengths];
        int[] beyondSaid = new int[lengths];
        double[] beyondSaidPercent = new double[lengths];
        try (PrefixTreeForward.Workspace workspace = new PrefixTreeForward.Workspace(parameters,
                Math.min(CHUNK, samples))) {
            for (int length = fromLength; length <= toLength; length++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped while scoring other lengths");
                }
                int i = length - fromLength;
                int[] values = countable(length, largest) <= samples ? allCountable(length, largest)
                        : sample(length, largest, samples, random);
                errors[i] = errorPercent(forward, workspace, values, length);
                strings[i] = values.length;
                beyond[i] = 100.0 * beyondShare(length, largest);
                if (length > largest) {
                    int[] uncountable = sampleBeyond(length, largest, samples, random);
                    int[] times = new int[largest + 1];
                    for (int said : predict(forward, workspace, uncountable, length)) {
                        times[said]++;
                    }
                    int mode = 0;
                    for (int count = 1; count <= largest; count++) {
                        mode = times[count] > times[mode] ? count : mode;
                    }
                    beyondSaid[i] = mode;
                    beyondSaidPercent[i] = 100.0 * times[mode] / uncountable.length;
                } else {
                    beyondSaid[i] = -1;
                    beyondSaidPercent[i] = Double.NaN;
                }
            }
        }
        return new Result(fromLength, errors, strings, samples, largest, beyond, beyondSaid, beyondSaidPercent);
    }

    /** Error in percent on {@code values}, strings of {@code length} bits (any whose count the model can name). */
    static double errorPercent(ParameterSnapshot parameters, int[] values, int length) {
        try (PrefixTreeForward.Workspace workspace = new PrefixTreeForward.Workspace(parameters,
                Math.min(CHUNK, values.length))) {
            return errorPercent(new PrefixTreeForward(parameters), workspace, values.clone(), length);
        }
    }

    /** Error in percent on {@code values}, strings of {@code length} bits, sorted in place. */
    private static double errorPercent(PrefixTreeForward forward, PrefixTreeForward.Workspace workspace, int[] values,
            int length) {
        int[] predicted = predict(forward, workspace, values, length);
        int wrong = 0;
        for (int n = 0; n < values.length; n++) {
            if (predicted[n] != Integer.bitCount(values[n])) {
                wrong++;
            }
        }
        return 100.0 * wrong / values.length;
    }

    /** The predicted counts of {@code values}, strings of {@code length} bits, sorted in place. */
    private static int[] predict(PrefixTreeForward forward, PrefixTreeForward.Workspace workspace, int[] values,
            int length) {
        Arrays.sort(values);
        int[] predicted = new int[values.length];
        int[] chunk = new int[Math.min(CHUNK, values.length)];
        for (int from = 0; from < values.length; from += CHUNK) {
            int to = Math.min(values.length, from + CHUNK);
            forward.predictSorted(values, from, to, chunk, workspace, length);
            System.arraycopy(chunk, 0, predicted, from, to - from);
        }
        return predicted;
    }

    /** How many strings of {@code length} bits have at most {@code largest} ones. */
    static long countable(int length, int largest) {
        long total = 0;
        for (int k = 0; k <= Math.min(length, largest); k++) {
            total += binomial(length, k);
        }
        return total;
    }

    private static double beyondShare(int length, int largest) {
        return 1.0 - countable(length, largest) / (double) (1L << length);
    }

    static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    /** Every string of {@code length} bits with at most {@code largest} ones. */
    static int[] allCountable(int length, int largest) {
        int[] values = new int[(int) countable(length, largest)];
        int at = 0;
        for (int value = 0; value < 1 << length; value++) {
            if (Integer.bitCount(value) <= largest) {
                values[at++] = value;
            }
        }
        return values;
    }

    /** Random strings of {@code length} bits with at most {@code largest} ones. */
    static int[] sample(int length, int largest, int samples, SplittableRandom random) {
        int[] values = new int[samples];
        for (int n = 0; n < samples; n++) {
            int value;
            do {
                value = random.nextInt() & (int) ((1L << length) - 1);
            } while (Integer.bitCount(value) > largest);
            values[n] = value;
        }
        return values;
    }

    /**
     * Random strings of {@code length} bits with more than {@code largest} ones, each as likely as
     * any other: a count drawn in proportion to how many strings have it, then its ones placed at
     * random. (Drawing strings until one has that many ones would take millions of tries at 21 bits.)
     */
    static int[] sampleBeyond(int length, int largest, int samples, SplittableRandom random) {
        long[] cumulative = new long[length + 1];
        long total = 0;
        for (int k = largest + 1; k <= length; k++) {
            total += binomial(length, k);
            cumulative[k] = total;
        }
        int[] positions = new int[length];
        int[] values = new int[samples];
        for (int n = 0; n < samples; n++) {
            long pick = random.nextLong(total);
            int ones = largest + 1;
            while (cumulative[ones] <= pick) {
                ones++;
            }
            for (int p = 0; p < length; p++) {
                positions[p] = p;
            }
            int value = 0;
            for (int p = 0; p < ones; p++) { // the first `ones` of a random permutation
                int q = p + random.nextInt(length - p);
                int t = positions[p];
                positions[p] = positions[q];
                positions[q] = t;
                value |= 1 << positions[p];
            }
            values[n] = value;
        }
        return values;
    }
}
