package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) or a kill (SIGTERM) during a command into a request to stop, and holds
 * the JVM's exit, for a few seconds at most, until the command has reported and saved what it
 * did. The JVM then exits with the signal's status (130 for SIGINT, 143 for SIGTERM).
 */
final class InterruptGuard implements AutoCloseable {

    /** Enough to finish a minibatch and save on a busy machine; a stuck run must not hold the exit for ever. */
    static final long GRACE_SECONDS = 10;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;

    /** @param stop asks the work to stop soon; called on the JVM's shutdown thread */
    InterruptGuard(Runnable stop, PrintWriter err) {
        hook = new Thread(() -> {
            interrupted = true;
            stop.run();
            try {
                if (!finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    err.printf("Could not stop within %d s; exiting without saving.%n", GRACE_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean interrupted() {
        return interrupted;
    }

    /** The command has said and saved all it will: the JVM may exit. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that the command is done
        }
    }
}
