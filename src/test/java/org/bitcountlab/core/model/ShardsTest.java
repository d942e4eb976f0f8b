package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ShardsTest {

    @Test
    void aMinibatchOfAThousandIsCutIntoSlicesThatStayInACoresCache() {
        assertThat(Shards.count(1000)).as("slices of a minibatch of 1000").isGreaterThanOrEqualTo(8);
        assertSlicesCover(1000);
    }

    @Test
    void smallMinibatchesAreNotCutIntoSlivers() {
        assertThat(Shards.count(1)).isEqualTo(1);
        assertThat(Shards.count(100)).isEqualTo(1);
        for (int batch = 1; batch <= 3000; batch++) {
            assertSlicesCover(batch);
        }
    }

    @Test
    void everyShardRunsExactlyOnceWhicheverThreadTakesIt() {
        for (int repeat = 0; repeat < 2000; repeat++) {
            int count = 1 + repeat % 16;
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            Shards.forEach(count, runs::incrementAndGet);
            for (int s = 0; s < count; s++) {
                assertThat(runs.get(s)).as("runs of shard %d of %d", s, count).isEqualTo(1);
            }
        }
    }

    @Test
    void noShardRunsAfterItsCallHasReturned() {
        AtomicInteger late = new AtomicInteger();
        for (int repeat = 0; repeat < 2000; repeat++) {
            int count = 2 + repeat % 15;
            int extra = repeat % 7 * 30;
            AtomicBoolean returned = new AtomicBoolean();
            Shards.forEach(count, s -> {
                busyWork(s * 50 + extra); // uneven shards, so threads finish in every order
                if (returned.get()) {
                    late.incrementAndGet();
                }
            });
            returned.set(true);
        }
        assertThat(late.get()).as("shards that ran after their call returned").isZero();
    }

    @Test
    void callsFromSeveralThreadsAtOnceEachRunTheirOwnShardsOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int caller = 0; caller < 3; caller++) {
                tasks.add(() -> {
                    int wrong = 0;
                    for (int repeat = 0; repeat < 700; repeat++) {
                        int count = 1 + repeat % 12;
                        AtomicIntegerArray runs = new AtomicIntegerArray(count);
                        Shards.forEach(count, s -> {
                            busyWork(s * 20);
                            runs.incrementAndGet(s);
                        });
                        for (int s = 0; s < count; s++) {
                            wrong += runs.get(s) == 1 ? 0 : 1;
                        }
                    }
                    return wrong;
                });
            }
            for (Future<Integer> result : callers.invokeAll(tasks)) {
                assertThat(result.get()).as("shards not run exactly once").isZero();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailingShardFailsTheStepOnceTheOthersHaveRun() {
        for (int repeat = 0; repeat < 200; repeat++) {
            AtomicInteger others = new AtomicInteger();
            int failing = repeat % 8;
            assertThatThrownBy(() -> Shards.forEach(8, s -> {
                busyWork(s * 40);
                if (s == failing) {
                    throw new IllegalStateException("shard " + failing);
                }
                others.incrementAndGet();
            })).hasMessageContaining("shard " + failing);
            assertThat(others.get()).as("other shards finished when the call threw").isEqualTo(7);
        }
    }

    @Test
    void aFailingShardFailsTheStep() {
        assertThatThrownBy(() -> Shards.forEach(8, s -> {
            if (s == 5) {
                throw new IllegalStateException("shard 5");
            }
        })).hasMessageContaining("shard 5");
    }

    private static volatile double sink;

    /** Some arithmetic the JIT cannot drop: makes shards take different times without sleeping. */
    private static void busyWork(int iterations) {
        double x = 1;
        for (int i = 0; i < iterations; i++) {
            x = Math.sqrt(x + i);
        }
        sink = x;
    }

    private static void assertSlicesCover(int batch) {
        int count = Shards.count(batch);
        int next = 0;
        for (int s = 0; s < count; s++) {
            assertThat(Shards.from(s, count, batch)).as("slice %d of %d starts where the last ended", s, batch)
                    .isEqualTo(next);
            int rows = Shards.rows(s, count, batch);
            assertThat(rows).as("rows of slice %d of a batch of %d", s, batch)
                    .isLessThanOrEqualTo(Shards.MAX_ROWS_PER_SHARD)
                    .isGreaterThanOrEqualTo(Math.min(batch, Shards.MIN_ROWS_PER_SHARD));
            next += rows;
        }
        assertThat(next).as("rows covered of %d", batch).isEqualTo(batch);
    }
}
