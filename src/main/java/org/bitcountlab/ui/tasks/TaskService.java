package org.bitcountlab.ui.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.concurrent.WorkerStateEvent;

/**
 * The window's one way to the background: training, evaluations, sweeps, file work and the
 * pretrained model's load all go through here. Work runs on a daemon thread; its progress, its
 * result and its failure arrive on the FX thread. Nothing else in the UI starts a thread.
 */
public final class TaskService {

    /** Work for the background. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What background work sees of its job: where to report progress, and whether it was cancelled. */
    public interface Progress {
        /** The share done, 0 to 1. */
        void progress(double fraction);

        boolean isCancelled();
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                BackgroundPriority.forTheCompilers(); // any the JVM has started since
                runnable.run();
            }, "lab-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Runs {@code work} in the background. Exactly one of {@code onSuccess} and {@code onFailure}
     * is then called on the FX thread, unless the job was cancelled first.
     */
    public <T> Job<T> submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Job<T> job = new Job<>(work);
        inFlight.incrementAndGet();
        Runnable done = inFlight::decrementAndGet;
        // handlers rather than setOnXxx, so that a caller may still set its own
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, event -> {
            done.run();
            onSuccess.accept(job.getValue());
        });
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, event -> {
            done.run();
            onFailure.accept(job.getException());
        });
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, event -> done.run());
        executor.execute(job);
        return job;
    }

    /**
     * True when no job is running or waiting to deliver its outcome; safe from any thread. Tests
     * wait on it rather than on a sleep.
     */
    public boolean isIdle() {
        return inFlight.get() == 0;
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
