package org.bitcountlab.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;

/**
 * A task executor whose work runs on real background threads, as in the window, while everything
 * that reaches the window's state (outcomes, deliveries, frames) waits until the test's own thread
 * {@link #tick() ticks}. A test then plays the window's thread: it acts, lets the training thread
 * run, and looks at the state between any two frames, as often as it likes.
 */
public final class ThreadedTaskExecutor implements TaskExecutor {

    private final ConcurrentLinkedQueue<Runnable> deliveries = new ConcurrentLinkedQueue<>();
    private final List<Runnable> tickers = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();

    @Override
    public <T> BackgroundJob submit(Message what, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        Job<T> job = new Job<>();
        running.incrementAndGet();
        Thread thread = new Thread(() -> {
            try {
                T value = work.run(job);
                deliveries.add(() -> job.deliver(() -> onSuccess.accept(value)));
            } catch (Exception | Error e) {
                deliveries.add(() -> job.deliver(() -> {
                    FailureLog.record(what, e);
                    onFailure.accept(e);
                }));
            } finally {
                running.decrementAndGet();
            }
        }, "test-worker");
        thread.setDaemon(true);
        thread.start();
        return job;
    }

    @Override
    public void deliver(Runnable action) {
        deliveries.add(action);
    }

    @Override
    public FrameTicker everyFrame(Runnable onFrame) {
        return new FrameTicker() {
            @Override
            public void start() {
                if (!tickers.contains(onFrame)) {
                    tickers.add(onFrame);
                }
            }

            @Override
            public void stop() {
                tickers.remove(onFrame);
            }
        };
    }

    /** One frame on the calling thread: what waits to be delivered, then every started ticker. */
    public void tick() {
        for (Runnable delivery; (delivery = deliveries.poll()) != null; ) {
            delivery.run();
        }
        new ArrayList<>(tickers).forEach(Runnable::run);
    }

    @Override
    public boolean isIdle() {
        return running.get() == 0 && deliveries.isEmpty();
    }

    @Override
    public void shutdown() {
        // the work stops as its owners cancel it; threads are daemons
    }

    private static final class Job<T> implements BackgroundJob, Progress {
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
        private volatile boolean cancelled;
        private volatile boolean done;

        void deliver(Runnable outcome) {
            if (!cancelled && !done) {
                done = true;
                outcome.run();
            }
        }

        @Override
        public boolean cancel() {
            if (done) {
                return false;
            }
            cancelled = true;
            done = true;
            return true;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public void progress(double fraction) {
            // read on the test's thread only through deliveries; the value itself is not needed here
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
