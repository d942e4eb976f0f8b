package org.bitcountlab.core.sweep;

import org.bitcountlab.core.training.TrainingSettings;

/**
 * The time a sweep has left, from the epochs timed so far. Runs of a sweep differ in cost (a
 * hidden size of 128 trains slower than 2; 100,000 strings a thousand times slower than 100), so
 * the measured seconds are divided by a rough model of each epoch's work, and that rate is applied
 * to the work still to do. The model need only be right in proportion, and the estimate sharpens
 * as epochs are timed across the sweep's range.
 */
final class TimeEstimate {

    /** Per-string cost that does not grow with the hidden size, in units of one hidden unit. */
    private static final double FIXED_COST_PER_STRING = 8;
    /**
     * A minibatch's fixed cost (DL4J's dispatch, the update), in the same units. Measured: at 1,000
     * strings in minibatches of 20, an epoch took 0.5 s at hidden 2 and 0.78 s at hidden 64, so the
     * fixed part dominates small networks.
     */
    private static final double COST_PER_MINIBATCH = 25_000;

    private final SweepPlan plan;
    private double secondsTimed;
    private double workTimed;

    TimeEstimate(SweepPlan plan) {
        this.plan = plan;
    }

    synchronized void epochTimed(TrainingSettings settings, double seconds) {
        secondsTimed += seconds;
        workTimed += epochWork(settings);
    }

    /** Seconds left once run {@code runNumber} (1-based) has completed {@code epochsDone} epochs; NaN before any timing. */
    synchronized double secondsLeft(int runNumber, int epochsDone) {
        if (workTimed == 0) {
            return Double.NaN;
        }
        double work = 0;
        int run = 0;
        for (int value : plan.values()) {
            for (int seed = 0; seed < plan.seeds(); seed++) {
                run++;
                if (run >= runNumber) {
                    TrainingSettings settings = plan.settings(value, seed);
                    int epochsLeft = run == runNumber ? settings.epochs() - epochsDone : settings.epochs();
                    work += epochsLeft * epochWork(settings);
                }
            }
        }
        return work * secondsTimed / workTimed;
    }

    /** Training, then scoring the training strings and the held-out sample, each costing about H + c per string. */
    static double epochWork(TrainingSettings s) {
        double strings = 2.0 * s.trainSize() + s.evalSample();
        return strings * (s.hidden() + FIXED_COST_PER_STRING) + COST_PER_MINIBATCH * s.minibatchesPerEpoch();
    }
}
