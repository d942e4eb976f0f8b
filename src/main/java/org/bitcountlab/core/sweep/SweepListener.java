package org.bitcountlab.core.sweep;

import org.bitcountlab.core.training.EpochResult;

/** Progress of a {@link Sweep}, called on the sweep's thread; implementations must return quickly. */
public interface SweepListener {

    /** A run is about to train. */
    default void runStarted(SweepProgress progress) {
    }

    /** An epoch of the current run ended; {@code progress} has the new time estimate. */
    default void epochEnded(SweepProgress progress, EpochResult result) {
    }

    /** Every seed of a point has trained: the point can be drawn. */
    default void pointFinished(SweepPoint point) {
    }
}
