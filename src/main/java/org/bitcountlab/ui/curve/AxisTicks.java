package org.bitcountlab.ui.curve;

/** Tick spacings a reader takes in at a glance. */
final class AxisTicks {

    private AxisTicks() {
    }

    /** 1, 2 or 5 times a power of ten, giving at most about {@code ticks} ticks over {@code range}. */
    static double niceTick(double range, int ticks) {
        double raw = Math.max(range / ticks, 1e-9);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5}) {
            if (step * power >= raw) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
