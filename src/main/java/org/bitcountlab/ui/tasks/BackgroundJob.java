package org.bitcountlab.ui.tasks;

import javafx.beans.property.ReadOnlyDoubleProperty;

/** A job submitted to a {@link TaskExecutor}: its progress, and a way to cancel it. */
public interface BackgroundJob {

    /** Asks the work to stop; it delivers nothing once cancelled. False if it had already delivered. */
    boolean cancel();

    /** True once it has delivered its outcome or was cancelled. */
    boolean isDone();

    /** The share done, 0 to 1, updated on the window's thread. */
    ReadOnlyDoubleProperty progressProperty();
}
