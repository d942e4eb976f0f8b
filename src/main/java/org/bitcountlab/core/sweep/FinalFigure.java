package org.bitcountlab.core.sweep;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.bitcountlab.core.training.EpochResult;

/**
 * The figure a sweep reports for a run: the median of its last few epochs, not the last epoch
 * alone. One unlucky epoch (a spike of the held-out error, as small minibatches and a large step
 * produce now and then) then cannot decide a point, and unlike the best epoch so far it does not
 * pick the model by its held-out score.
 */
public final class FinalFigure {

    /** Epochs the median is taken over (all of them in a shorter run). */
    public static final int EPOCHS = 5;

    /** What the figure is, for tables, charts and JSON. */
    public static final String DESCRIPTION = "median of the last " + EPOCHS + " epochs";

    private FinalFigure() {
    }

    public static double heldOutError(List<EpochResult> curve) {
        return medianOfLast(curve, EpochResult::heldOutError);
    }

    public static double trainingError(List<EpochResult> curve) {
        return medianOfLast(curve, EpochResult::trainingError);
    }

    /** NaN for an empty curve. */
    static double medianOfLast(List<EpochResult> curve, ToDoubleFunction<EpochResult> figure) {
        if (curve.isEmpty()) {
            return Double.NaN;
        }
        double[] last = curve.subList(Math.max(0, curve.size() - EPOCHS), curve.size()).stream()
                .mapToDouble(figure).sorted().toArray();
        int n = last.length;
        return n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    }
}
