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

    private static final int CHUNK = 1 << 14;

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

    /**
     * @param progress  receives the fraction done, 0..1, from worker threads
     * @param cancelled polled between chunks; when it answers true a {@link CancellationException} is thrown
     */
    public static Evaluation evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int[] values,
            DoubleConsumer progress, BooleanSupplier cancelled) {
        int length = parameters.length();
        int classes = parameters.classes();
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        PrefixTreeForward forward = new PrefixTreeForward(parameters, silenced);
        int chunks = (sorted.length + CHUNK - 1) / CHUNK;
        long[][][] partial = new long[chunks][][];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            int from = chunk * CHUNK;
            int to = Math.min(sorted.length, from + CHUNK);
            partial[chunk] = confusion(forward, sorted, from, to, classes);
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

    private static long[][] confusion(PrefixTreeForward forward, int[] sorted, int from, int to, int classes) {
        int[] predicted = new int[to - from];
        forward.predictSorted(sorted, from, to, predicted);
        long[][] confusion = new long[classes][classes];
        for (int i = from; i < to; i++) {
            confusion[BitStrings.countOnes(sorted[i])][predicted[i - from]]++;
        }
        return confusion;
    }
}
