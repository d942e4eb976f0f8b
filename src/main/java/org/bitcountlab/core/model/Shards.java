package org.bitcountlab.core.model;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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

    /** How long a helper polls for the next call before it returns to the pool. */
    static final long LINGER_NANOS = 2_000_000L;

    /** null, WAITING (a helper polls), or the job the next call handed to it. One helper at most waits. */
    private static final AtomicReference<Object> WAITING_HELPER = new AtomicReference<>();
    private static final Object WAITING = new Object();

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
     * the others do not wait at the end for a fixed share of it. Every shard has finished when this
     * returns or throws; a failure in any shard is thrown once all have run.
     *
     * <p>A helper that runs out of shards stays awake for {@value #LINGER_NANOS} ns, polling for the
     * next call, and the caller waits for the last shards by polling too. Training calls this
     * every few milliseconds, and a parked thread took 0.2 to 0.4 ms to wake on a virtual machine
     * (its idle processor has to be woken by the host), during which the caller worked alone.
     */
    static void forEach(int count, IntConsumer work) {
        forEach(count, work, () -> false);
    }

    /**
     * As {@link #forEach(int, IntConsumer)}, but once {@code stop} answers true no further shard
     * starts: one minibatch of 10,000 strings for 512 units is more than ten seconds of shards, and a stop must not wait for all of them.
     *
     * @throws CancellationException if a shard was skipped; the shards' results are then incomplete
     */
    static void forEach(int count, IntConsumer work, BooleanSupplier stop) {
        Job job = new Job(count, work, stop);
        int helpers = Math.min(count, ForkJoinPool.getCommonPoolParallelism() + 1) - 1;
        if (helpers > 0 && WAITING_HELPER.compareAndSet(WAITING, job)) {
            helpers--; // handed to the helper still awake from the last call
        }
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(() -> help(job));
        }
        job.takeShards();
        job.awaitAllShards();
        job.rethrowFailure();
        if (job.skipped.get()) {
            throw new CancellationException("stopped between shards");
        }
    }

    /** A helper's task: the shards of its call, then of the calls that follow while it is awake. */
    private static void help(Job job) {
        for (Job next = job; next != null; next = awaitNextJob()) {
            next.takeShards();
        }
    }

    /**
     * Polls for a job handed over by the next call, for {@link #LINGER_NANOS} or until other tasks
     * wait for the pool; null if none came or another helper already waits.
     */
    private static Job awaitNextJob() {
        if (!WAITING_HELPER.compareAndSet(null, WAITING)) {
            return null;
        }
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (true) {
            if (WAITING_HELPER.get() instanceof Job handed) {
                WAITING_HELPER.set(null); // only the waiting helper clears a handed job
                return handed;
            }
            if (System.nanoTime() - deadline > 0 || ForkJoinPool.commonPool().hasQueuedSubmissions()) {
                if (WAITING_HELPER.compareAndSet(WAITING, null)) {
                    return null;
                }
                continue; // a job was handed over just now
            }
            Thread.onSpinWait();
        }
    }

    /** One call's shards: taken one at a time, counted as they finish. */
    private static final class Job {
        private final int count;
        private final IntConsumer work;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final BooleanSupplier stop;
        private final AtomicBoolean skipped = new AtomicBoolean();

        Job(int count, IntConsumer work, BooleanSupplier stop) {
            this.count = count;
            this.work = work;
            this.stop = stop;
        }

        void takeShards() {
            for (int s = next.getAndIncrement(); s < count; s = next.getAndIncrement()) {
                try {
                    if (skipped.get() || stop.getAsBoolean()) {
                        skipped.set(true);
                        continue;
                    }
                    work.accept(s);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        /** Waits for shards other threads are still running: at most one shard's time, so it polls. */
        void awaitAllShards() {
            for (int polls = 1; finished.get() < count; polls++) {
                Thread.onSpinWait();
                if (polls % 256 == 0) {
                    Thread.yield(); // lets a helper that shares this processor run
                }
            }
        }

        void rethrowFailure() {
            Throwable e = failure.get();
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e instanceof Error error) {
                throw error;
            }
            if (e != null) {
                throw new IllegalStateException(e); // work is an IntConsumer: nothing else can be thrown
            }
        }
    }
}
