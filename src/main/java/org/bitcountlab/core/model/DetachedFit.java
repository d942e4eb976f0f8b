package org.bitcountlab.core.model;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's fit on a thread of its own, so that a stop need not wait for it. DL4J cannot stop a step
 * part way, and one step of a large network (a simple RNN of 512 units on 10,000 strings) takes
 * half a minute; a caller that stops gives up waiting and lets the step finish unseen. Its
 * result no longer counts, and whatever frees the network waits for it ({@link #finish}).
 */
final class DetachedFit {

    /** How often a waiting caller asks whether to stop: well within the two seconds a stop may take. */
    private static final long POLL_MILLIS = 20;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread t = new Thread(work, "dl4j-fit");
        t.setDaemon(true); // a step given up must not hold the JVM's exit
        return t;
    });

    /**
     * The step's score, once it finished.
     *
     * @throws CancellationException if {@code stop} answered true first; the step goes on unseen
     */
    double run(DoubleSupplier step, BooleanSupplier stop) {
        Future<Double> result = thread.submit(step::getAsDouble);
        while (true) {
            try {
                return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("stopped while DL4J's fit runs");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while DL4J's fit runs");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Runs {@code action} on the fit's thread after any step still running, then ends the thread. */
    void finish(Runnable action) {
        thread.execute(() -> {
            try {
                action.run();
            } finally {
                Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread(); // DL4J's fit made them here
            }
        });
        thread.shutdown();
    }

    /** Ends the thread once its work is done. */
    void shutdown() {
        thread.shutdown();
    }
}
