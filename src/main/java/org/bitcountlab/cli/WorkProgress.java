package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Progress of long work on stderr, so that stdout stays a clean table: a line at every tenth, or
 * every 15 seconds for long work, with the time left. Called from the work's threads.
 */
final class WorkProgress implements DoubleConsumer {

    /** Beyond this multiple of a command's default work, it takes minutes rather than seconds. */
    static final double LONG = 20;
    private static final long QUIET_NANOS = 15_000_000_000L;

    private final PrintWriter err;
    private final String done;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private int tenthsShown;
    private double fraction;

    /** @param done what a line starts with, e.g. "Evaluated" */
    WorkProgress(PrintWriter err, String done) {
        this.err = err;
        this.done = done;
    }

    /**
     * Warns up front when the work is much more than a command's default, which takes seconds.
     *
     * @param what  the work, e.g. "This model (length 24, hidden size 512) has 16,000,000 test strings to score"
     * @param times the work as a multiple of the default
     */
    void warnIfLong(String what, double times) {
        if (times > LONG) {
            err.printf(Locale.ROOT, "%s: about %,.0f times the work of the default, which may take a long time."
                    + " Ctrl-C stops.%n", what, times);
        }
    }

    @Override
    public synchronized void accept(double value) {
        fraction = Math.max(fraction, value);
        long now = System.nanoTime();
        int tenths = (int) Math.floor(value * 10 + 1e-9);
        if (value >= 1 || value <= 0 || (tenths <= tenthsShown && now - lastLine < QUIET_NANOS)) {
            return;
        }
        tenthsShown = Math.max(tenthsShown, tenths);
        lastLine = now;
        double elapsed = (now - start) / 1e9;
        err.printf(Locale.ROOT, "%s %.1f%% (%s, about %s left)%n", done, 100 * value, duration(elapsed),
                duration(elapsed / value * (1 - value)));
    }

    /** The largest fraction reported so far. */
    synchronized double fraction() {
        return fraction;
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
