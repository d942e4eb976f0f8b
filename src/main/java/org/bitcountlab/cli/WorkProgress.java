package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import org.bitcountlab.core.training.Evaluator;

/**
 * Progress of a long evaluation on stderr, so that stdout stays a clean table: a warning up front
 * when the model is much more work than the default one, then a line at every tenth, or every 15
 * seconds for long runs, with the time left. Called from the evaluation's worker threads.
 */
final class EvaluationProgress implements DoubleConsumer {

    /** The default model: length 20, hidden 24, 1,038,576 test strings; a few seconds on a laptop. */
    private static final double DEFAULT_COST = Evaluator.cost(24, 1_038_576);
    /** Beyond this multiple of the default, scoring takes minutes rather than seconds. */
    private static final double LONG = 20;

    private final PrintWriter err;
    private static final long QUIET_NANOS = 15_000_000_000L;

    private final long start = System.nanoTime();
    private long lastLine = start;
    private int tenthsShown;

    EvaluationProgress(PrintWriter err, int length, int hidden, long strings) {
        this.err = err;
        double times = Evaluator.cost(hidden, strings) / DEFAULT_COST;
        if (times > LONG) {
            err.printf(Locale.ROOT, "This model (length %d, hidden size %d) has %,d test strings to score: about %,.0f"
                    + " times the work of the default model, which may take a long time. Ctrl-C stops.%n",
                    length, hidden, strings, times);
        }
    }

    @Override
    public synchronized void accept(double fraction) {
        long now = System.nanoTime();
        int tenths = (int) Math.floor(fraction * 10 + 1e-9);
        if (fraction >= 1 || (tenths <= tenthsShown && now - lastLine < QUIET_NANOS)) {
            return;
        }
        tenthsShown = Math.max(tenthsShown, tenths);
        lastLine = now;
        double elapsed = (now - start) / 1e9;
        err.printf(Locale.ROOT, "Evaluated %.1f%% (%s, about %s left)%n", 100 * fraction, duration(elapsed),
                duration(elapsed / fraction * (1 - fraction)));
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        return seconds < 7200 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
