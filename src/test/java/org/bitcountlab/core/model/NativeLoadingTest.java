package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Native libraries load one thread at a time: two concurrent loads can deadlock inside the C
 * library (the window hung at start-up when ND4J's preload and an evaluation needing OpenBLAS
 * began together).
 */
class NativeLoadingTest {

    @Test
    void openBlasWaitsWhileAnotherThreadIsLoadingNatives() throws InterruptedException {
        Thread evaluation = new Thread(OpenBlas::ready, "evaluation");
        synchronized (Nd4jRuntime.NATIVE_LOADING) { // as Nd4jRuntime.initialise() holds it while ND4J loads
            evaluation.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (evaluation.getState() != Thread.State.BLOCKED && evaluation.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(evaluation.getState()).as("waiting for the loading lock").isEqualTo(Thread.State.BLOCKED);
        }
        evaluation.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(evaluation.isAlive()).as("loads once the lock is free").isFalse();
    }
}
