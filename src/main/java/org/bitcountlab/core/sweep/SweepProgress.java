package org.bitcountlab.core.sweep;

/**
 * Where a sweep is: "run {@code run} of {@code runs}", epoch {@code epoch} of {@code epochs} of it.
 *
 * @param run         1-based
 * @param value       the varied setting's value in this run
 * @param epoch       epochs this run has completed, 0 when it starts
 * @param secondsLeft estimated wall-clock seconds until the sweep ends, from the time the finished
 *                    epochs took and their settings; before the first epoch, from the settings alone
 */
public record SweepProgress(int run, int runs, int value, long seed, int epoch, int epochs, double secondsLeft) {

    /** The sweep's progress as a fraction 0..1, counting the current run's finished epochs. */
    public double fraction() {
        return (run - 1 + (double) epoch / epochs) / runs;
    }
}
