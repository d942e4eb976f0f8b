package org.bitcountlab.core.training;

import java.util.Arrays;

/**
 * What an epoch costs now, read from the last quarter of the epochs timed so far (at least four,
 * at most a window). The values may be seconds, or seconds over a predicted cost (a sweep, whose
 * epochs differ).
 */
public final class RecentEpochs {

    private static final int FEWEST = 4;

    private final double[] recent;
    private int timed;

    /** @param window the most recent epochs a cost is read from */
    public RecentEpochs(int window) {
        recent = new double[window];
    }

    public void add(double value) {
        recent[timed % recent.length] = value;
        timed++;
    }

    public int count() {
        return timed;
    }

    /**
     * The lower quartile of the recent values, NaN before the first: what an epoch costs when
     * nothing interferes. Epochs are slow for a reason - a collection, the JIT compiling, another
     * program; slow epochs that stay slow move the quartile within a few epochs, a stray one does
     * not move it.
     */
    public double lowerQuartile() {
        double[] last = last();
        return last.length == 0 ? Double.NaN : last[last.length / 4];
    }

    /**
     * The mean of the recent values, leaving out any over twice their median; NaN before the first.
     * Over many epochs the occasional slow one counts (it is part of the time), a stall does not.
     */
    public double mean() {
        double[] last = last();
        if (last.length == 0) {
            return Double.NaN;
        }
        double limit = 2 * last[last.length / 2];
        return Arrays.stream(last).filter(value -> value <= limit).average().orElseThrow();
    }

    /** The recent values, sorted. */
    private double[] last() {
        int n = Math.min(timed, Math.min(recent.length, Math.max(FEWEST, timed / 4)));
        double[] last = new double[n];
        for (int i = 0; i < n; i++) {
            last[i] = recent[(timed - 1 - i) % recent.length];
        }
        Arrays.sort(last);
        return last;
    }
}
