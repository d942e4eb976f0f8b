package org.bitcountlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** The benchmark's allocation figure counts what its threads allocate. */
class HeapAllocationTest {

    private static volatile Object kept;

    @Test
    void whatTheLiveThreadsAllocateIsCounted() throws Exception {
        OptionalLong before = HeapAllocation.now();
        assertThat(before).as("HotSpot counts allocation per thread").isPresent();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            kept = new byte[8 << 20];
            allocated.countDown();
            try {
                done.await(); // alive while it is read, as the benchmark's pool threads are
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        kept = new long[1 << 20]; // 8 MB on this thread
        allocated.await();
        OptionalLong after = HeapAllocation.now();
        done.countDown();
        worker.join();

        long counted = after.getAsLong() - before.getAsLong();
        assertThat(counted).isGreaterThanOrEqualTo(16L << 20);
        assertThat(HeapAllocation.kilobytesPerStep(before, after, 4).getAsDouble()).isEqualTo(counted / 1024.0 / 4);
    }

    @Test
    void noFigureWithoutBothReadingsOrWhenTheCountFell() {
        assertThat(HeapAllocation.kilobytesPerStep(OptionalLong.empty(), OptionalLong.of(10), 1)).isEmpty();
        assertThat(HeapAllocation.kilobytesPerStep(OptionalLong.of(10), OptionalLong.empty(), 1)).isEmpty();
        assertThat(HeapAllocation.kilobytesPerStep(OptionalLong.of(10), OptionalLong.of(5), 1)).isEmpty();
        assertThat(HeapAllocation.kilobytesPerStep(OptionalLong.of(0), OptionalLong.of(2048), 2)).hasValue(1.0);
    }
}
