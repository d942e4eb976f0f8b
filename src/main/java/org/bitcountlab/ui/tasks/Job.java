package org.bitcountlab.ui.tasks;

import javafx.concurrent.Task;

/**
 * One piece of background work: a {@link Task} whose progress can be bound on the FX thread and
 * whose work sees it to report progress and to notice cancellation.
 */
public final class Job<T> extends Task<T> implements TaskService.Progress {

    private final TaskService.Work<T> work;

    Job(TaskService.Work<T> work) {
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
