package org.bitcountlab.core.training;

/**
 * One point of the learning curve.
 *
 * @param epoch        1-based
 * @param meanLoss     mean cross-entropy over the epoch's minibatches
 * @param heldOutError error in percent on the run's fixed held-out sample
 * @param trainSeconds training time so far (evaluation and pauses excluded)
 */
public record EpochResult(int epoch, double meanLoss, double heldOutError, double trainSeconds) {
}
