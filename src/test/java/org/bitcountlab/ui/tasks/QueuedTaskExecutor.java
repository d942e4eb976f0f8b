package org.bitcountlab.ui.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;

/**
 * A task executor a test drives by hand, on its own thread: submitted work waits in a queue until
 * the test runs it, and frames come when the test ticks. A race in the window (a reset while an
 * evaluation runs, a result that arrives after its model was replaced) becomes a sequence the
 * test writes down and replays exactly: submit, act, then run.
 *
 * <p>As on the JavaFX executor, what work hands to {@link #deliver} while it runs arrives before
 * its own outcome, and a job cancelled before it delivers delivers nothing.
 */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final Deque<QueuedJob<?>> jobs = new ArrayDeque<>();
    private final Deque<Runnable> deliveries = new ArrayDeque<>();
    private final List<Runnable> tickers = new ArrayList<>();
    private final List<Message> failed = new ArrayList<>();

    @Override
    public <T> BackgroundJob submit(Message what, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        QueuedJob<T> job = new QueuedJob<>(what, work, onSuccess, onFailure);
        jobs.add(job);
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

    /** Runs the oldest waiting job on this thread and delivers its outcome; false if none waits. */
    public boolean runNext() {
        QueuedJob<?> job = jobs.poll();
        if (job == null) {
            return false;
        }
        job.run();
        runDeliveries();
        job.deliver();
        return true;
    }

    /**
     * Runs the oldest waiting job on this thread but holds back everything it delivers, its outcome
     * included, until the returned action runs: what the window does in between happens while the
     * job's results are on their way, as when a user clicks while a finished run's last epoch and
     * result wait for the JavaFX thread.
     */
    public Runnable runNextHoldingItsDeliveries() {
        QueuedJob<?> job = jobs.poll();
        if (job == null) {
            throw new IllegalStateException("no job waits");
        }
        runDeliveries();
        job.run();
        List<Runnable> held = new ArrayList<>(deliveries);
        deliveries.clear();
        return () -> {
            held.forEach(Runnable::run);
            job.deliver();
        };
    }

    /** Runs every job, those the jobs submit included, until none waits. */
    public void runAll() {
        do {
            runDeliveries();
        } while (runNext());
    }

    /** One frame: every started ticker once. */
    public void tick() {
        runDeliveries();
        new ArrayList<>(tickers).forEach(Runnable::run);
    }

    public int waiting() {
        return jobs.size();
    }

    /** The work that failed so far, in order, as named when submitted. */
    public List<Message> failed() {
        return List.copyOf(failed);
    }

    private void runDeliveries() {
        for (Runnable delivery; (delivery = deliveries.poll()) != null; ) {
            delivery.run();
        }
    }

    @Override
    public boolean isIdle() {
        return jobs.isEmpty() && deliveries.isEmpty();
    }

    @Override
    public void shutdown() {
        jobs.forEach(QueuedJob::cancel);
        jobs.clear();
    }

    private final class QueuedJob<T> implements BackgroundJob, Progress {
        private final Message what;
        private final Work<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<Throwable> onFailure;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
        private boolean cancelled;
        private boolean done;
        private T value;
        private Throwable error;

        QueuedJob(Message what, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            this.what = what;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void run() {
            if (cancelled) {
                return;
            }
            try {
                value = work.run(this);
            } catch (Exception | Error e) {
                error = e;
            }
        }

        void deliver() {
            if (cancelled || done) {
                return;
            }
            done = true;
            if (error != null) {
                failed.add(what);
                FailureLog.record(what, error);
                onFailure.accept(error);
            } else {
                onSuccess.accept(value);
            }
        }

        @Override
        public boolean cancel() {
            if (done) {
                return false;
            }
            cancelled = true;
            done = true;
            jobs.remove(this);
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
            progress.set(fraction);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
