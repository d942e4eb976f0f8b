package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class DetachedFitTest {

    @Test
    void aStopGivesUpWaitingForTheStepAndWhatFreesTheNetworkRunsOnlyAfterIt() throws Exception {
        for (int race = 0; race < 20; race++) {
            DetachedFit fit = new DetachedFit();
            CountDownLatch stepStarted = new CountDownLatch(1);
            CountDownLatch stepMayEnd = new CountDownLatch(1);
            AtomicBoolean stepEnded = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Throwable> caller = CompletableFuture.supplyAsync(() -> {
                try {
                    fit.run(() -> {
                        stepStarted.countDown();
                        awaitQuietly(stepMayEnd);
                        stepEnded.set(true);
                        return 1.0;
                    }, stop::get);
                    return null;
                } catch (CancellationException e) {
                    return e;
                }
            });
            assertThat(stepStarted.await(10, TimeUnit.SECONDS)).isTrue();

            stop.set(true);
            assertThat(caller.get(10, TimeUnit.SECONDS)).as("the caller returns while the step still runs")
                    .isInstanceOf(CancellationException.class);
            assertThat(stepEnded).isFalse();

            AtomicBoolean freedAfterTheStep = new AtomicBoolean();
            CountDownLatch freed = new CountDownLatch(1);
            fit.finish(() -> {
                freedAfterTheStep.set(stepEnded.get());
                freed.countDown();
            });
            assertThat(freed.getCount()).as("nothing is freed under a running step").isEqualTo(1);
            stepMayEnd.countDown();
            assertThat(freed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(freedAfterTheStep).isTrue();
        }
    }

    @Test
    void aStepThatEndsGivesItsScoreOrItsFailure() {
        DetachedFit fit = new DetachedFit();
        assertThat(fit.run(() -> 2.5, () -> false)).isEqualTo(2.5);
        assertThatThrownBy(() -> fit.run(() -> {
            throw new IllegalStateException("bad minibatch");
        }, () -> false)).isInstanceOf(IllegalStateException.class).hasMessage("bad minibatch");
        fit.shutdown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
