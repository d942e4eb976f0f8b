package org.bitcountlab.core.training;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.PrefixTreeForward;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.SilencedUnits;

/**
 * Scores a model on many strings at once: sorted, cut into chunks that run in parallel, each
 * chunk through a {@link PrefixTreeForward}, which computes the state after a shared prefix once.
 */
public final class Evaluator {

    static final int MAX_CHUNK = 1 << 14;
    private static final int MIN_CHUNK = 1 << 10;
    private static final int MAX_COUNTING_SORT_LENGTH = 22;
    private static final int MIN_RADIX_SORT = 1 << 16;
    /** Floats one chunk may hold (32 MB), so that large networks evaluate in bounded memory. */
    private static final long CHUNK_FLOATS = 8L << 20;

    private Evaluator() {
    }

    public static Evaluation evaluate(ParameterSnapshot parameters, int[] values) {
        return evaluate(parameters, SilencedUnits.none(), values, p -> { }, () -> false);
    }

    /** The score with {@code silenced} units' hidden output forced to 0: what ablating them costs. */
    public static Evaluation evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int[] values) {
        return evaluate(parameters, silenced, values, p -> { }, () -> false);
    }

    public static Evaluation evaluate(ParameterSnapshot parameters, int[] values, DoubleConsumer progress,
            BooleanSupplier cancelled) {
        return evaluate(parameters, SilencedUnits.none(), values, progress, cancelled);
    }

    /** Scores in {@code workspaces}' workspaces, and leaves them there for the next evaluation. */
    public static Evaluation evaluate(ParameterSnapshot parameters, int[] values, ScoringWorkspaces workspaces) {
        return evaluate(parameters, values, workspaces, () -> false);
    }

    /**
     * As {@link #evaluate(ParameterSnapshot, int[], ScoringWorkspaces)}, polling {@code cancelled}
     * between chunks.
     *
     * @throws CancellationException once {@code cancelled} answers true
     */
    public static Evaluation evaluate(ParameterSnapshot parameters, int[] values, ScoringWorkspaces workspaces,
            BooleanSupplier cancelled) {
        return evaluate(parameters, SilencedUnits.none(), values, p -> { }, cancelled, workspaces);
    }

    /**
     * @param progress  receives the fraction done, 0..1, from worker threads
     * @param cancelled polled between chunks; when it answers true a {@link CancellationException} is thrown
     */
    public static Evaluation evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int[] values,
            DoubleConsumer progress, BooleanSupplier cancelled) {
        try (ScoringWorkspaces workspaces = new ScoringWorkspaces()) {
            return evaluate(parameters, silenced, values, progress, cancelled, workspaces);
        }
    }

    private static Evaluation evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int[] values,
            DoubleConsumer progress, BooleanSupplier cancelled, ScoringWorkspaces workspaces) {
        int length = parameters.length();
        int classes = parameters.classes();
        int[] sorted = sorted(values, length);
        PrefixTreeForward forward = new PrefixTreeForward(parameters, silenced);
        int chunk = chunkSize(parameters.hidden());
        int chunks = (sorted.length + chunk - 1) / chunk;
        long[][][] partial = new long[chunks][][];
        AtomicLong done = new AtomicLong();
        int capacity = Math.min(chunk, sorted.length);
        IntStream.range(0, chunks).parallel().forEach(index -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            int from = index * chunk;
            int to = Math.min(sorted.length, from + chunk);
            PrefixTreeForward.Workspace workspace = workspaces.take(parameters, capacity);
            try {
                partial[index] = confusion(forward, workspace, sorted, from, to, classes);
            } finally {
                workspaces.give(workspace);
            }
            progress.accept((double) done.addAndGet(to - from) / sorted.length);
        });
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("evaluation cancelled");
        }
        long[][] confusion = new long[classes][classes];
        long errors = 0;
        for (long[][] part : partial) {
            for (int t = 0; t < classes; t++) {
                for (int p = 0; p < classes; p++) {
                    confusion[t][p] += part[t][p];
                    if (t != p) {
                        errors += part[t][p];
                    }
                }
            }
        }
        return new Evaluation(length, sorted.length, errors, confusion);
    }

    /**
     * The values in ascending order. A large share of all 2^L strings (the whole test set) is
     * sorted by counting, in one pass over the 2^L possible values instead of a comparison sort;
     * up to 22 bits, where the counts take at most 16 MB. Other large sets are sorted by radix, in
     * two passes of at most 12 bits: a comparison sort of 16 million 24-bit strings took over a
     * second, and it runs before every evaluation, where a stop cannot interrupt it.
     */
    static int[] sorted(int[] values, int length) {
        if (length <= MAX_COUNTING_SORT_LENGTH && values.length >= (1 << length) / 16) {
            return countingSorted(values, length);
        }
        if (values.length >= MIN_RADIX_SORT) {
            return radixSorted(values, length);
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static int[] countingSorted(int[] values, int length) {
        int[] counts = new int[1 << length];
        for (int value : values) {
            counts[value]++;
        }
        int[] sorted = new int[values.length];
        int at = 0;
        for (int value = 0; value < counts.length; value++) {
            for (int k = counts[value]; k > 0; k--) {
                sorted[at++] = value;
            }
        }
        return sorted;
    }

    /** Least significant digit first, two digits of half the length each: stable, so the order holds. */
    private static int[] radixSorted(int[] values, int length) {
        int lowBits = (length + 1) / 2;
        int[] half = sortedByDigit(values, 0, lowBits);
        return sortedByDigit(half, lowBits, length - lowBits);
    }

    private static int[] sortedByDigit(int[] values, int shift, int bits) {
        int mask = (1 << bits) - 1;
        int[] starts = new int[(1 << bits) + 1];
        for (int value : values) {
            starts[((value >>> shift) & mask) + 1]++;
        }
        for (int digit = 1; digit < starts.length; digit++) {
            starts[digit] += starts[digit - 1];
        }
        int[] sorted = new int[values.length];
        for (int value : values) {
            sorted[starts[(value >>> shift) & mask]++] = value;
        }
        return sorted;
    }

    /**
     * Strings per chunk: as many as share work well for small networks, fewer for large ones, whose
     * per-string state ({@link #floatsPerString}) would otherwise take hundreds of megabytes per chunk.
     */
    static int chunkSize(int hidden) {
        long fit = CHUNK_FLOATS / floatsPerString(hidden);
        return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Long.highestOneBit(fit)));
    }

    /** Java floats a chunk holds per string: two generations of hidden and cell state, the gates and the stacked input. */
    static long floatsPerString(int hidden) {
        return 11L * hidden + 8;
    }

    /**
     * Multiply-adds to score {@code strings} strings, about: the prefix tree has up to twice as many
     * nodes as strings, and each node is one LSTM step of 4H x (H + 2).
     */
    public static double cost(int hidden, long strings) {
        return 2.0 * strings * 4 * hidden * (hidden + 2.0);
    }

    /** Chunks evaluated at once: the common pool's workers and the calling thread. */
    static int parallelChunks() {
        return java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    private static long[][] confusion(PrefixTreeForward forward, PrefixTreeForward.Workspace workspace, int[] sorted,
            int from, int to, int classes) {
        int[] predicted = new int[to - from];
        forward.predictSorted(sorted, from, to, predicted, workspace);
        long[][] confusion = new long[classes][classes];
        for (int i = from; i < to; i++) {
            confusion[BitStrings.countOnes(sorted[i])][predicted[i - from]]++;
        }
        return confusion;
    }
}
