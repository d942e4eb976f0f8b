package org.bitcountlab.ui.common;

/** Numbers as the window shows them, in the format locale. */
public final class Formats {

    private Formats() {
    }

    /** The one rounding rule of the window: half up to {@code decimals} places. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    public static String decimals(double value, int decimals) {
        return String.format(Messages.numberLocale(), "%." + decimals + "f", value);
    }

    public static String grouped(long value) {
        return String.format(Messages.numberLocale(), "%,d", value);
    }
}
