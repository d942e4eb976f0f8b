package org.bitcountlab.core.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * How a minibatch is split into contiguous slices of rows. Examples are independent, so each slice
 * runs forward and backward on its own, and the cores take the slices as they finish.
 *
 * <p>A slice has at most {@value #MAX_ROWS_PER_SHARD} rows, so a minibatch of 1000 makes eight
 * rather than one per core: what a slice keeps from its forward pass for its backward pass (20
 * steps of seven arrays of 24 units, 1.7 MB at 128 rows) then stays in a core's second-level
 * cache, and a core slowed by another process leaves the other one a small slice to wait for, not
 * half the minibatch. Small minibatches get fewer slices, never under
 * {@value #MIN_ROWS_PER_SHARD} rows, since a hand-off costs more than a few dozen rows of work.
 */
final class Shards {

    static final int MIN_ROWS_PER_SHARD = 64;
    static final int MAX_ROWS_PER_SHARD = 128;

    private Shards() {
    }

    static int count(int batch) {
        int onePerCore = Math.min(Runtime.getRuntime().availableProcessors(), batch / MIN_ROWS_PER_SHARD);
        int small = (batch + MAX_ROWS_PER_SHARD - 1) / MAX_ROWS_PER_SHARD;
        return Math.max(1, Math.max(onePerCore, small));
    }

    /** The first row of shard s of count. */
    static int from(int s, int count, int batch) {
        return (int) ((long) s * batch / count);
    }

    static int rows(int s, int count, int batch) {
        return from(s + 1, count, batch) - from(s, count, batch);
    }

    /**
     * Runs work for shards 0 to count - 1 on the calling thread and the common pool's, each thread
     * taking the next shard as it finishes one: a thread the machine slows down takes fewer, and
     * the others do not wait at the end for a fixed share of it.
     */
    static void forEach(int count, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        Runnable takeNext = () -> {
            for (int s = next.getAndIncrement(); s < count; s = next.getAndIncrement()) {
                work.accept(s);
            }
        };
        int helpers = Math.min(count, ForkJoinPool.getCommonPoolParallelism() + 1) - 1;
        ForkJoinTask<?>[] started = new ForkJoinTask<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            started[h] = ForkJoinPool.commonPool().submit(takeNext);
        }
        try {
            takeNext.run();
        } finally {
            for (ForkJoinTask<?> helper : started) {
                helper.quietlyJoin(); // no shard is still running when this returns or throws
            }
        }
        for (ForkJoinTask<?> helper : started) {
            helper.join(); // rethrows a helper's failure
        }
    }
}
