package org.bitcountlab.core.sweep;

import java.util.List;

import org.bitcountlab.core.training.RunOutcome;

/**
 * One value of the varied setting, trained once per seed.
 *
 * @param value the hidden size or training-set size of this point
 * @param runs  one per seed, in seed order
 */
public record SweepPoint(int value, List<SeedRun> runs) {

    public SweepPoint {
        runs = List.copyOf(runs);
    }

    public Spread trainingError() {
        return Spread.of(runs.stream().mapToDouble(SeedRun::trainingError).toArray());
    }

    public Spread heldOutError() {
        return Spread.of(runs.stream().mapToDouble(SeedRun::heldOutError).toArray());
    }

    public long divergedRuns() {
        return runs.stream().filter(r -> r.outcome() == RunOutcome.DIVERGED).count();
    }

    public long runsThatLearnedNothing() {
        return runs.stream().filter(r -> r.outcome() == RunOutcome.DID_NOT_LEARN).count();
    }
}
