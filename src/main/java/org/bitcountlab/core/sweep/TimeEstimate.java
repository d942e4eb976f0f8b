package org.bitcountlab.core.sweep;

import org.bitcountlab.core.training.RecentEpochs;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * The time a sweep has left. Runs of a sweep differ in cost (an epoch at hidden 64 takes eight
 * times one at hidden 2; 100,000 strings a thousand times 100), so each epoch's cost is first
 * predicted from its settings by {@link #referenceSeconds}, and the prediction is then scaled by
 * how this machine, today, compares: the seconds the recent epochs took over the seconds predicted
 * for them, over the last quarter of the epochs timed (at most 128, {@link RecentEpochs#mean()}), so
 * the first run's epochs, slow while the JIT compiles, stop counting once later ones are timed. Before the first epoch ends the prediction stands alone, so a sweep shows an
 * estimate from its start.
 */
final class TimeEstimate {

    private final SweepPlan plan;
    private final RecentEpochs machine = new RecentEpochs(128);

    TimeEstimate(SweepPlan plan) {
        this.plan = plan;
    }

    synchronized void epochTimed(TrainingSettings settings, double seconds) {
        machine.add(seconds / referenceSeconds(settings));
    }

    /** Seconds left once run {@code runNumber} (1-based) has completed {@code epochsDone} epochs. */
    synchronized double secondsLeft(int runNumber, int epochsDone) {
        double reference = 0;
        int run = 0;
        for (int value : plan.values()) {
            for (int seed = 0; seed < plan.seeds(); seed++) {
                run++;
                if (run >= runNumber) {
                    TrainingSettings settings = plan.settings(value, seed);
                    int epochsLeft = run == runNumber ? settings.epochs() - epochsDone : settings.epochs();
                    reference += epochsLeft * referenceSeconds(settings);
                }
            }
        }
        return machine.count() == 0 ? reference : reference * machine.mean();
    }

    /**
     * An epoch's seconds on the machine the model was measured on (a 2-core AMD EPYC server), at
     * length 20, from its settings: each minibatch's forward and backward pass and update, which
     * costs about as much at 20 strings as at 1,000 (small matrices), then scoring the training
     * strings and the held-out sample. Fitted (least relative squares) to the ready sweeps' epochs
     * once the JIT had compiled them (18 settings, within 17% of each, 9% at the median) and to the
     * first epochs of 60 runs at hidden 1-256, minibatches of 20-1,000, 100-10,000 training strings
     * and held-out samples of 10,000-50,000 (12% at the median; the smallest ones, cold, ran up to
     * three times slower).
     */
    static double referenceSeconds(TrainingSettings s) {
        double h = s.hidden();
        double minibatch = 5.6e-5 + 5.2e-6 * h + 2.0e-7 * h * h;
        double trained = 1.8e-9 * h * h;
        double scored = 1.7e-7 + 6.3e-8 * h + 5.2e-10 * h * h;
        double atLength20 = s.minibatchesPerEpoch() * minibatch + s.trainSize() * trained
                + (s.trainSize() + (double) Math.min(s.evalSample(), s.testSize())) * scored;
        return atLength20 * s.length() / 20;
    }
}
