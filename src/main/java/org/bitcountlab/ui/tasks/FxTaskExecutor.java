package org.bitcountlab.ui.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.concurrent.WorkerStateEvent;

import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;

/**
 * The window's task executor: work runs on daemon threads at a lower priority than the window's;
 * its progress, its result and its failure arrive on the JavaFX thread. Nothing else in the UI
 * starts a thread.
 */
public final class FxTaskExecutor implements TaskExecutor {

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

    @Override
    public <T> BackgroundJob submit(Message what, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
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
            FailureLog.record(what, job.getException());
            onFailure.accept(job.getException());
        });
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, event -> done.run());
        executor.execute(job);
        return job;
    }

    @Override
    public void deliver(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public FrameTicker everyFrame(Runnable onFrame) {
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onFrame.run();
            }
        };
        return new FrameTicker() {
            @Override
            public void start() {
                timer.start();
            }

            @Override
            public void stop() {
                timer.stop();
            }
        };
    }

    /** Tests wait on it rather than on a sleep. */
    @Override
    public boolean isIdle() {
        return inFlight.get() == 0;
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
