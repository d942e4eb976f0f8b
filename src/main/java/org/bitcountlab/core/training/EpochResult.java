package org.bitcountlab.core.training;

/**
 * One point of the learning curve.
 *
 * @param epoch         1-based
 * @param meanLoss      mean cross-entropy over the epoch's minibatches
 * @param heldOutError  error in percent on the run's fixed held-out sample
 * @param trainSeconds  training time so far (evaluation and pauses excluded)
 * @param trainingError error in percent on all the training strings with the weights at the end of
 *                      the epoch; beside the held-out error it shows overfitting. NaN where it was
 *                      not measured (curves saved before it was)
 */
public record EpochResult(int epoch, double meanLoss, double heldOutError, double trainSeconds,
        double trainingError) {

    /** A point without a training error. */
    public EpochResult(int epoch, double meanLoss, double heldOutError, double trainSeconds) {
        this(epoch, meanLoss, heldOutError, trainSeconds, Double.NaN);
    }
}
