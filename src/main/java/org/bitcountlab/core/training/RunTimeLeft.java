package org.bitcountlab.core.training;

/**
 * How long a run has left by the clock, from how long its epochs took: every epoch does the same
 * work (its minibatches, then scoring the held-out sample and the training strings), so the time
 * left is what an epoch takes now times the epochs to go. The first epochs are slower while the
 * JIT compiles the training and scoring code, so an epoch's cost is read from the most recent
 * ones, not from an average since the start. Feed it clock seconds with pauses left out.
 */
public final class RunTimeLeft {

    /** Recent epochs an epoch's cost is read from: enough to even out a stray slow one, few enough to follow the warm-up. */
    static final int RECENT = 3;

    private final int epochs;
    private final double[] recent = new double[RECENT];
    private int timed;

    public RunTimeLeft(int epochs) {
        this.epochs = epochs;
    }

    /** Epoch number {@code timed + 1} ended after {@code seconds} by the clock, pauses left out. */
    public void epochTimed(double seconds) {
        recent[timed % RECENT] = seconds;
        timed++;
    }

    public int epochsTimed() {
        return timed;
    }

    /**
     * Seconds left with {@code intoEpoch} seconds already spent on the epoch in progress, or -1
     * before the first epoch has ended (nothing is known yet).
     */
    public double secondsLeft(double intoEpoch) {
        if (timed == 0) {
            return -1;
        }
        return Math.max(0, perEpoch() * (epochs - timed) - intoEpoch);
    }

    /** The cost of an epoch now: the median of the recent ones, or their mean while there are only two. */
    double perEpoch() {
        int n = Math.min(timed, RECENT);
        double[] last = new double[n];
        for (int i = 0; i < n; i++) {
            last[i] = recent[(timed - 1 - i) % RECENT];
        }
        java.util.Arrays.sort(last);
        return n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    }
}
