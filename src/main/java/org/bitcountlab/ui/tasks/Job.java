package org.bitcountlab.ui.tasks;

import javafx.concurrent.Task;

/**
 * One piece of background work on the JavaFX executor: a {@link Task} whose progress can be bound
 * on the FX thread and whose work sees it to report progress and to notice cancellation.
 */
final class Job<T> extends Task<T> implements TaskExecutor.Progress, BackgroundJob {

    private final TaskExecutor.Work<T> work;

    Job(TaskExecutor.Work<T> work) {
        this.work = work;
    }

    @Override
    protected T call() throws Exception {
        return work.run(this);
    }

    @Override
    public void progress(double fraction) {
        updateProgress(fraction, 1);
    }
}
