package org.bitcountlab.core.training;

import java.util.Arrays;

/**
 * How long a run has left by the clock, from how long its epochs took: every epoch does the same
 * work (its minibatches, then scoring the held-out sample and the training strings), so the time
 * left is what an epoch costs now (the lower quartile of the last quarter of the run so far, at least
 * four epochs and at most 32: {@link RecentEpochs#lowerQuartile()}) times the epochs to go.
 *
 * <p>The estimate is as good as the epochs to come are like the last ones. They are not while the
 * JIT compiles: in a fresh JVM a Fast run's first epoch took 0.5 s and its second 0.33 s where the
 * later ones took 0.19 s. The window therefore trains a short run of its own before the class's
 * first ({@code Lab.preloadNumerics}); what it cannot warm is its own drawing code, compiled as the
 * first epochs are drawn, which makes a session's first run's second epoch up to half again as
 * slow as the tenth (1.05 to 1.53 times in six recorded first runs). So until three epochs have
 * ended, the epochs to come are counted {@value #WARMING_SHARE} of the ones seen; from the third on,
 * the run's own recent epochs alone.
 */
public final class RunTimeLeft {

    /** What the epochs to come cost, against the first two, while the drawing code still compiles. */
    static final double WARMING_SHARE = 0.85;
    private static final int WARMING_EPOCHS = 3;

    private final int epochs;
    private final RecentEpochs recent = new RecentEpochs(32);

    public RunTimeLeft(int epochs) {
        this.epochs = epochs;
    }

    /** Epoch number {@code epochsTimed() + 1} ended after {@code seconds} by the clock, pauses left out. */
    public void epochTimed(double seconds) {
        recent.add(seconds);
    }

    public int epochsTimed() {
        return recent.count();
    }

    /**
     * Seconds left with {@code intoEpoch} seconds already spent on the epoch in progress, or -1
     * before the first epoch has ended (nothing is known yet).
     */
    public double secondsLeft(double intoEpoch) {
        if (recent.count() == 0) {
            return -1;
        }
        double perEpoch = recent.lowerQuartile() * (recent.count() < WARMING_EPOCHS ? WARMING_SHARE : 1);
        return Math.max(0, perEpoch * (epochs - recent.count()) - intoEpoch);
    }
}
