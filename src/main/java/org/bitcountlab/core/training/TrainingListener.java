package org.bitcountlab.core.training;

import org.bitcountlab.core.model.ParameterSnapshot;

/** Progress of a {@link TrainingRun}, called on the training thread; implementations must return quickly. */
public interface TrainingListener {

    /** The data and network are ready and the first minibatch is about to train. */
    default void started(TrainingSettings settings) {
    }

    /** An epoch ended; {@code parameters} are the weights after it. */
    default void epochEnded(EpochResult result, ParameterSnapshot parameters) {
    }

    /** A minibatch trained in {@code nanos} (building it, forward, backward and the Adam update). */
    default void minibatchEnded(int epoch, int minibatch, long nanos) {
    }

    /**
     * Fresh weights within a long epoch, at most a few times a second, for a live view: no figure
     * describes them, and a stopped run's result holds the last finished epoch's instead.
     */
    default void parametersUpdated(ParameterSnapshot parameters) {
    }
}
