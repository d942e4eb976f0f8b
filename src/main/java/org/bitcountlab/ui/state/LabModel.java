package org.bitcountlab.ui.state;

import java.util.Objects;

import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.TrainedModel;

/**
 * The model the window shows: what the bit editor predicts with, what every figure of the model
 * describes and what Save writes. It is the trained network with the units a student silenced
 * (their output held at 0): the held-out and full-test errors, where it fails and how it counts
 * other lengths are all of this model, silenced units included. Immutable; every update is a new
 * instance.
 *
 * @param id                the model's identity: a run keeps its id from its first epoch to its
 *                          last; a result computed for one id is never shown for another
 * @param origin            where it came from
 * @param name              the file name of an opened model, else empty
 * @param model             the trained network, all units; its test error is the intact network's
 * @param silenced          the units silenced now
 * @param silencedTestError the full-test error with those units silenced, once measured; else null
 */
public record LabModel(long id, Origin origin, String name, TrainedModel model, SilencedUnits silenced,
        Double silencedTestError) {

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

    public LabModel {
        Objects.requireNonNull(silenced, "silenced");
        if (silenced.isEmpty()) {
            silencedTestError = null;
        }
    }

    /** The trained network, no unit silenced. */
    public LabModel(long id, Origin origin, String name, TrainedModel model) {
        this(id, origin, name, model, SilencedUnits.none(), null);
    }

    public boolean isTraining() {
        return origin == Origin.TRAINING;
    }

    /** True when both are the same network with the very same weights (not merely equal ones), whatever is silenced. */
    public boolean sameWeightsAs(LabModel other) {
        return other != null && other.id == id && other.model.parameters() == model.parameters();
    }

    /** True when both are the same network with the very same weights and the same units silenced. */
    public boolean sameModelAs(LabModel other) {
        return sameWeightsAs(other) && other.silenced.equals(silenced);
    }

    /** The full-test error of this model, silenced units included, or null while not measured. */
    public Double testError() {
        return silenced.isEmpty() ? model.testError() : silencedTestError;
    }

    /** The same model, now known to have this full-test error. */
    public LabModel withTestError(double percent) {
        return silenced.isEmpty() ? new LabModel(id, origin, name, model.withTestError(percent))
                : new LabModel(id, origin, name, model, silenced, percent);
    }

    /** The same network with {@code units} silenced instead. */
    public LabModel withSilenced(SilencedUnits units) {
        return new LabModel(id, origin, name, model, units, null);
    }
}
