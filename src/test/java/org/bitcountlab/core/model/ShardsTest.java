package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aFailingShardFailsTheStep() {
        assertThatThrownBy(() -> Shards.forEach(8, s -> {
            if (s == 5) {
                throw new IllegalStateException("shard 5");
            }
        })).hasMessageContaining("shard 5");
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
