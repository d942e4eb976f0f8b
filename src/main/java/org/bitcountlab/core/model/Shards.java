package org.bitcountlab.core.model;

/**
 * How a minibatch is split into contiguous slices of rows, one per core: examples are independent,
 * so each slice runs forward and backward on its own. Small minibatches get fewer slices, since a
 * thread hand-off costs more than a few dozen rows of work.
 */
final class Shards {

    private static final int MIN_ROWS_PER_SHARD = 64;

    private Shards() {
    }

    static int count(int batch) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), batch / MIN_ROWS_PER_SHARD));
    }

    /** The first row of shard s of count. */
    static int from(int s, int count, int batch) {
        return (int) ((long) s * batch / count);
    }

    static int rows(int s, int count, int batch) {
        return from(s + 1, count, batch) - from(s, count, batch);
    }
}
