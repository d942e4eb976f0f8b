package org.bitcountlab.ui.state;

import org.bitcountlab.core.training.TrainedModel;

/**
 * The model the window shows: what the bit editor predicts with, what Inside and Where it fails
 * look at and what Save writes. Immutable; every update is a new instance.
 *
 * @param id     the model's identity: a run keeps its id from its first epoch to its last; a
 *               result computed for one id is never shown for another
 * @param origin where it came from
 * @param name   the file name of an opened model, else empty
 */
public record LabModel(long id, Origin origin, String name, TrainedModel model) {

    public enum Origin {
        /** The model that ships with the app. */
        PRETRAINED,
        /** Random weights, for a build without the pretrained model. */
        UNTRAINED,
        /** The network of the run that is training right now. */
        TRAINING,
        /** The network of a run that has ended. */
        TRAINED,
        /** A model opened from a file. */
        OPENED
    }

    public boolean isTraining() {
        return origin == Origin.TRAINING;
    }

    /** True when both are the same model with the very same weights (not merely equal ones). */
    public boolean sameWeightsAs(LabModel other) {
        return other != null && other.id == id && other.model.parameters() == model.parameters();
    }

    /** The same model, now known to have this full-test error. */
    public LabModel withTestError(double percent) {
        return new LabModel(id, origin, name, model.withTestError(percent));
    }
}
