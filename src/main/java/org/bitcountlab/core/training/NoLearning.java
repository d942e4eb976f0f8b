package org.bitcountlab.core.training;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run that trained to its end learned nothing: over its last epochs its held-out error
 * and its loss both stayed near those of a network that ignores its input and predicts the count's
 * prior distribution ({@link CountPrior}). A too-large step leaves such a network behind: its loss
 * settles near the prior's entropy (2.22 for 20 bits), well below an untrained network's
 * ln(L + 1) (3.04), so the divergence rule, which compares with the latter, misses it.
 *
 * <p>The shares were set from runs of the Fast preset's settings, 20-bit strings, measured before
 * this rule existed. Runs that learned nothing (learning rate 1 and 0.5, seeds 1 to 6, 5 and 20
 * epochs): held-out error at least 80.4% in each of their last three epochs, against the prior's
 * 81.7% to 82.6% (it depends on the seed's 10,000 training strings), and mean loss 2.09 to 2.73,
 * against its entropy of 2.21 to 2.22. Runs that learned something: hidden size 1 ends at 38.6% to
 * 54.5% and a loss of 1.35 to 1.62; learning rate 0.5, seed 2, still learning at epoch 20, at 47.6%
 * and 1.26; the window's four-epoch test run at 75.3% and 2.11, a few points below the prior's
 * error. The error share, 0.95 (78% for 20 bits), leaves two points below the wrecked runs and
 * three above that test run; the loss share, 0.9 (2.0), a tenth of a nat below them. A run must
 * meet both: a falling loss is learning even while the error still sits near the prior's. A run
 * shorter than the window is not judged: one or two epochs are too few to say it learned nothing.
 */
final class NoLearning {

    /** Epochs at the end of the run that are judged; a shorter run is not. */
    static final int WINDOW = 3;
    /** Every judged epoch's held-out error is at least this share of the prior's error. */
    static final double ERROR_SHARE = 0.95;
    /** Every judged epoch's mean loss is at least this share of the prior's entropy. */
    static final double LOSS_SHARE = 0.9;
    /**
     * The Fast preset's learning rate, which learned on every seed measured: a run above it that learns
     * nothing most likely took too large steps; one at or below it, too few of them.
     */
    private static final double LARGE_LEARNING_RATE = TrainingSettings.fast().learningRate();

    private final CountPrior prior;
    private final TrainingSettings settings;

    NoLearning(CountPrior prior, TrainingSettings settings) {
        this.prior = prior;
        this.settings = settings;
    }

    boolean test(List<EpochResult> curve) {
        return curve.size() >= WINDOW && lowestRecentError(curve) >= ERROR_SHARE * prior.modeErrorPercent()
                && lowestRecentLoss(curve) >= LOSS_SHARE * prior.entropy();
    }

    String reason(List<EpochResult> curve) {
        String advice = settings.learningRate() > LARGE_LEARNING_RATE
                ? String.format(Locale.ROOT, "The learning rate %s is too large for this network; try %s.",
                        rate(settings.learningRate()), rate(settings.learningRate() / 10))
                : String.format(Locale.ROOT, "At a learning rate of %s the steps may be too few: train for more"
                        + " epochs.", rate(settings.learningRate()));
        return String.format(Locale.ROOT,
                "Training did not learn: over its last %d epochs the held-out error stayed at %.1f%% or more, near"
                        + " the %.1f%% of always answering the most common count, and the loss at %.2f or more, near"
                        + " the %.2f of predicting how common each count is without looking at the bits. %s",
                recent(curve).size(), lowestRecentError(curve), prior.modeErrorPercent(), lowestRecentLoss(curve),
                prior.entropy(), advice);
    }

    private static String rate(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static List<EpochResult> recent(List<EpochResult> curve) {
        return curve.subList(Math.max(0, curve.size() - WINDOW), curve.size());
    }

    private static double lowestRecentError(List<EpochResult> curve) {
        return recent(curve).stream().mapToDouble(EpochResult::heldOutError).min().orElse(Double.NaN);
    }

    private static double lowestRecentLoss(List<EpochResult> curve) {
        return recent(curve).stream().mapToDouble(EpochResult::meanLoss).min().orElse(Double.NaN);
    }
}
