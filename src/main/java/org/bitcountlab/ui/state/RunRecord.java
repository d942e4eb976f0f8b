package org.bitcountlab.ui.state;

import java.util.List;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * One finished run of this session, as the run table and the chart overlay show it.
 *
 * @param modelId      the id of the run's model ({@link LabModel#id()}); 0 for a sweep's run, which has none
 * @param clockSeconds the run's time by the clock, evaluations included, pauses left out
 * @param trainSeconds the part of it spent training (the minibatches)
 * @param testError    full-test-set error in percent, or null until measured
 * @param sweep        the number of the sweep the run belonged to, or 0
 */
public record RunRecord(long modelId, int number, TrainingSettings settings, List<EpochResult> curve,
        double clockSeconds, double trainSeconds, Double testError, int sweep) {

    public RunRecord {
        curve = List.copyOf(curve);
    }

    public double heldOutError() {
        return curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).heldOutError();
    }

    public int epochs() {
        return curve.size();
    }

    /** The legend text, e.g. "#3 h=24 b=1000 lr=0.001". */
    public String label() {
        return "#" + number + " " + settings.label();
    }

    public RunRecord withTestError(Double value) {
        return new RunRecord(modelId, number, settings, curve, clockSeconds, trainSeconds, value, sweep);
    }
}
