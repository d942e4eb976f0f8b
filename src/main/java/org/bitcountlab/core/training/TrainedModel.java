package org.bitcountlab.core.training;

import java.util.List;

import org.bitcountlab.core.model.ParameterSnapshot;

/**
 * What a model file holds: the settings it was trained with, its learning curve and its weights.
 *
 * @param testError full-test-set error in percent, or null if it was never measured
 */
public record TrainedModel(TrainingSettings settings, List<EpochResult> curve, double trainSeconds, Double testError,
        ParameterSnapshot parameters) {

    public TrainedModel {
        curve = List.copyOf(curve);
    }

    public static TrainedModel of(RunResult result) {
        return new TrainedModel(result.settings(), result.curve(), result.trainSeconds(), null, result.parameters());
    }

    public TrainedModel withTestError(Double value) {
        return new TrainedModel(settings, curve, trainSeconds, value, parameters);
    }
}
