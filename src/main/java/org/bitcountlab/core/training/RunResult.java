package org.bitcountlab.core.training;

import java.util.List;

import org.bitcountlab.core.model.ParameterSnapshot;

/**
 * A finished run.
 *
 * @param parameters the weights at the end of the last finished epoch, which the last point of the
 *                   curve describes (untrained when no epoch finished); for a diverged run, the
 *                   last finished epoch before the failure
 * @param reason     why it stopped early or learned nothing, in a sentence; empty when it completed
 */
public record RunResult(TrainingSettings settings, RunOutcome outcome, String reason, List<EpochResult> curve,
        ParameterSnapshot parameters, double trainSeconds) {

    public RunResult {
        curve = List.copyOf(curve);
    }

    public double finalHeldOutError() {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).heldOutError();
    }

    public double finalTrainingError() {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).trainingError();
    }
}
