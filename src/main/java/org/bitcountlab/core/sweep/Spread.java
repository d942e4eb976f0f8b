package org.bitcountlab.core.sweep;

/**
 * Mean, min and max of one figure over a point's seeds: the line and the band of a sweep chart.
 * Runs without a figure (a run that diverged in its first epoch) are left out; with none left,
 * all three are NaN.
 */
public record Spread(double mean, double min, double max) {

    public static Spread of(double... values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        return n == 0 ? new Spread(Double.NaN, Double.NaN, Double.NaN) : new Spread(sum / n, min, max);
    }
}
