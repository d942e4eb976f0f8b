package org.bitcountlab.core.sweep;

import org.bitcountlab.core.training.RunOutcome;

/**
 * One training run of a sweep point, summed up by its {@link FinalFigure}s.
 *
 * @param trainingError error in percent on the run's training strings
 * @param heldOutError  error in percent on its held-out sample
 * @param epochs        epochs it completed (fewer than planned if it diverged)
 * @param seconds       wall-clock seconds, evaluation included: what the sweep's time estimate uses
 */
public record SeedRun(long seed, RunOutcome outcome, double trainingError, double heldOutError, int epochs,
        double seconds) {
}
