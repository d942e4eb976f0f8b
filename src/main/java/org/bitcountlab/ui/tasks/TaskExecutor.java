package org.bitcountlab.ui.tasks;

import java.util.function.Consumer;

import org.bitcountlab.ui.common.Message;

/**
 * The window's one way to the background, and back: training, evaluations, sweeps, file work and
 * the pretrained model's load are submitted here, and what they deliver arrives on the thread the
 * window's state lives on. {@link FxTaskExecutor} runs work on daemon threads and delivers on the
 * JavaFX thread; a test may run the same view models on one thread, step by step.
 */
public interface TaskExecutor {

    /** Work for the background. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What background work sees of its job: where to report progress, and whether it was cancelled. */
    interface Progress {
        /** The share done, 0 to 1. */
        void progress(double fraction);

        boolean isCancelled();
    }

    /** Calls a runnable once per frame, on the window's thread, between {@link #start()} and {@link #stop()}. */
    interface FrameTicker {
        void start();

        void stop();
    }

    /**
     * Runs {@code work} in the background. Exactly one of {@code onSuccess} and {@code onFailure}
     * is then called on the window's thread, unless the job was cancelled first. A failure is
     * written, with its stack trace, to the failure log before {@code onFailure} hears of it.
     *
     * @param what names the work for the log and for the message a failure shows
     */
    <T> BackgroundJob submit(Message what, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the window's thread, after what is already waiting there. */
    void deliver(Runnable action);

    /** A ticker that calls {@code onFrame} once per frame while started. */
    FrameTicker everyFrame(Runnable onFrame);

    /** True when no job is running or waiting to deliver its outcome; safe from any thread. */
    boolean isIdle();

    void shutdown();
}
