package org.bitcountlab.core.sweep;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.RunResult;

/** Progress of a {@link Sweep}, called on the sweep's thread; implementations must return quickly. */
public interface SweepListener {

    /** A run is about to train. */
    default void runStarted(SweepProgress progress) {
    }

    /** An epoch of the current run ended; {@code progress} has the new time estimate. */
    default void epochEnded(SweepProgress progress, EpochResult result) {
    }

    /**
     * A run ended (completed or diverged; a stopped run is not reported), with its curve and its
     * time by the clock, evaluations included.
     */
    default void runFinished(SweepProgress progress, RunResult result, double clockSeconds) {
    }

    /** Every seed of a point has trained: the point can be drawn. */
    default void pointFinished(SweepPoint point) {
    }
}
