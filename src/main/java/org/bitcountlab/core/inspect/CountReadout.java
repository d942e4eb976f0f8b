package org.bitcountlab.core.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.RecurrentCell;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.model.StepTrace;

/**
 * Where the counter lives: a linear read-out of the running count (the ones seen so far) from the
 * network's state after each prefix: hidden and cell state for an LSTM, hidden state for a simple
 * RNN. One read-out serves every step, so it reads the count the way the network must keep it,
 * whatever the string's position. It is fitted by least squares on one half of the given strings
 * and scored on the other half, so R^2 measures how well the state holds the count, not how well
 * the read-out memorised its data.
 */
public final class CountReadout {

    /** Ridge penalty relative to the mean feature variance: only keeps the solve stable. */
    private static final double RIDGE = 1e-6;

    private final RecurrentCell cell;
    private final boolean withCell;
    private final int hidden;
    private final int length;
    private final int[] scored;
    private final double[] weights; // [features]: hidden units, then cell units
    private final double intercept;
    private final double[] rSquaredByStep;
    private final double rSquared;
    private final List<UnitCount> units;

    private CountReadout(RecurrentCell cell, int[] fitted, int[] scored, DoubleConsumer progress,
            BooleanSupplier cancelled) {
        this.cell = cell;
        this.withCell = cell.parameters().cellType().hasCellState();
        this.hidden = cell.hidden();
        this.length = cell.parameters().length();
        this.scored = scored;
        int features = withCell ? 2 * hidden : hidden;

        // least squares on [1, state] via the normal equations, accumulated prefix by prefix
        int width = features + 1;
        Pace pace = new Pace(fitted.length, scored.length, progress, cancelled);
        double[][] gram = new double[width][width];
        double[] moment = new double[width];
        double[] x = new double[width];
        forEachPrefix(fitted, pace::fittedOne, (step, count, h, c) -> {
            features(h, c, x);
            for (int i = 0; i < width; i++) {
                moment[i] += x[i] * count;
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += x[i] * x[j];
                }
            }
        });
        double[] solution = solve(gram, moment);
        this.intercept = solution[0];
        this.weights = Arrays.copyOfRange(solution, 1, width);

        // score on the other half: R^2 per step and overall, and each unit's correlation with the count
        Moments[] byStep = new Moments[length];
        for (int t = 0; t < length; t++) {
            byStep[t] = new Moments();
        }
        Moments all = new Moments();
        Correlations correlations = new Correlations(features);
        forEachPrefix(scored, pace::scoredOne, (step, count, h, c) -> {
            features(h, c, x);
            double predicted = intercept;
            for (int i = 0; i < features; i++) {
                predicted += weights[i] * x[i + 1];
            }
            byStep[step - 1].add(count, predicted);
            all.add(count, predicted);
            correlations.add(count, x);
        });
        this.rSquaredByStep = Arrays.stream(byStep).mapToDouble(Moments::rSquared).toArray();
        this.rSquared = all.rSquared();
        this.units = new ArrayList<>();
        for (int u = 0; u < hidden; u++) {
            units.add(new UnitCount(u, correlations.correlation(u),
                    withCell ? correlations.correlation(hidden + u) : Double.NaN,
                    weights[u] * correlations.deviation(u),
                    withCell ? weights[hidden + u] * correlations.deviation(hidden + u) : Double.NaN));
        }
    }

    /**
     * Fits the read-out for a model on {@code strings} (held-out strings, at least 2): the first
     * half fits it, the second half scores it.
     */
    public static CountReadout fit(ParameterSnapshot parameters, int[] strings) {
        return fit(parameters, SilencedUnits.none(), strings);
    }

    /**
     * The read-out of a model with some units silenced: where the count lives once they are gone.
     * The silenced units' states are left out of it.
     */
    public static CountReadout fit(ParameterSnapshot parameters, SilencedUnits silenced, int[] strings) {
        if (strings.length < 2) {
            throw new IllegalArgumentException("the read-out needs at least 2 strings, got " + strings.length);
        }
        int half = strings.length / 2;
        return fit(parameters, silenced, strings, fraction -> { }, () -> false);
    }

    /**
     * As {@link #fit(ParameterSnapshot, SilencedUnits, int[])}, for long read-outs: a large model on
     * many strings takes minutes.
     *
     * @param progress  receives the fraction done, 0..1
     * @param cancelled polled after every string; when it answers true a {@link CancellationException} is thrown
     */
    public static CountReadout fit(ParameterSnapshot parameters, SilencedUnits silenced, int[] strings,
            DoubleConsumer progress, BooleanSupplier cancelled) {
        if (strings.length < 2) {
            throw new IllegalArgumentException("the read-out needs at least 2 strings, got " + strings.length);
        }
        int half = strings.length / 2;
        return new CountReadout(RecurrentCell.of(parameters, silenced), Arrays.copyOfRange(strings, 0, half),
                Arrays.copyOfRange(strings, half, strings.length), progress, cancelled);
    }

    /**
     * Bytes on the Java heap a read-out of {@code strings} strings takes at most, beside the model:
     * the strings and their two halves, and the normal equations with their factor.
     */
    public static long heapBytes(int hidden, long strings) {
        long width = 2L * hidden + 1;
        return 2 * strings * Integer.BYTES + 3 * width * width * Double.BYTES;
    }

    /** Bytes a scatter of {@code strings} strings of {@code length} bits takes. */
    public static long scatterBytes(int length, long strings) {
        return strings * length * (2L * Integer.BYTES + 2L * Float.BYTES);
    }

    /** R^2 of the read-out after each prefix length 1..L (index 0..L-1), on the scored strings. */
    public double[] rSquaredByStep() {
        return rSquaredByStep.clone();
    }

    public double rSquaredAtLastStep() {
        return rSquaredByStep[length - 1];
    }

    /** R^2 over every prefix of the scored strings. */
    public double rSquared() {
        return rSquared;
    }

    /** Every unit, in unit order. */
    public List<UnitCount> units() {
        return List.copyOf(units);
    }

    /** Units sorted by how closely they follow the count, the strongest first. */
    public List<UnitCount> countingUnits() {
        return units.stream().sorted(Comparator.comparingDouble(UnitCount::strength).reversed()).toList();
    }

    public double intercept() {
        return intercept;
    }

    /** Read-out weights on the hidden state, per unit (raw, not scaled). */
    public double[] hiddenWeights() {
        return Arrays.copyOfRange(weights, 0, hidden);
    }

    /** Read-out weights on the cell state, per unit; empty for a simple RNN. */
    public double[] cellWeights() {
        return withCell ? Arrays.copyOfRange(weights, hidden, 2 * hidden) : new double[0];
    }

    /** The count the state says has been seen so far. */
    public double readCount(float[] hiddenState, float[] cellState) {
        double count = intercept;
        for (int u = 0; u < hidden; u++) {
            count += weights[u] * hiddenState[u];
            if (withCell) {
                count += weights[hidden + u] * cellState[u];
            }
        }
        return count;
    }

    /** The count read after each prefix of a traced string, index 0 after the first bit. */
    public double[] readCounts(StepTrace trace) {
        double[] counts = new double[trace.steps()];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = readCount(trace.hidden()[t], trace.cell()[t]);
        }
        return counts;
    }

    /** A unit's state after every prefix of the scored strings, against the count so far. */
    public UnitScatter scatter(int unit) {
        return scatter(unit, scored.length);
    }

    /** Strings the read-out was scored on: the second half of those it was given. */
    public int scoredStrings() {
        return scored.length;
    }

    /** As {@link #scatter(int)}, for the first {@code strings} scored strings only (all of them if fewer). */
    public UnitScatter scatter(int unit, int strings) {
        if (unit < 0 || unit >= hidden) {
            throw new IllegalArgumentException("unit must be between 0 and " + (hidden - 1) + ", got " + unit);
        }
        int[] shown = Arrays.copyOf(scored, Math.max(0, Math.min(strings, scored.length)));
        int n = shown.length * length;
        int[] steps = new int[n];
        int[] counts = new int[n];
        float[] h = new float[n];
        float[] c = new float[n];
        int[] next = {0};
        forEachPrefix(shown, () -> { }, (step, count, hs, cs) -> {
            int i = next[0]++;
            steps[i] = step;
            counts[i] = count;
            h[i] = hs[unit];
            c[i] = cs[unit];
        });
        return new UnitScatter(unit, steps, counts, h, c);
    }

    private void features(float[] h, float[] c, double[] x) {
        x[0] = 1;
        for (int u = 0; u < hidden; u++) {
            // a silenced unit's cell state still runs, but nothing downstream can see it
            boolean visible = !cell.silenced().contains(u);
            x[1 + u] = visible ? h[u] : 0;
            if (withCell) {
                x[1 + hidden + u] = visible ? c[u] : 0;
            }
        }
    }

    private interface PrefixVisitor {
        void visit(int step, int count, float[] hidden, float[] cell);
    }

    private void forEachPrefix(int[] strings, Runnable afterString, PrefixVisitor visitor) {
        RecurrentCell.State state = cell.newState();
        for (int value : strings) {
            int count = 0;
            for (int step = 0; step < length; step++) {
                int bit = BitStrings.bitAt(value, length, step);
                count += bit;
                cell.step(state, step, bit);
                visitor.visit(step + 1, count, state.hidden(step + 1), state.cell(step + 1));
            }
            afterString.run();
        }
    }

    /**
     * How far a read-out is, counted in strings: a fitted string costs about one and a half times a
     * scored one (its state's step, then the normal equations' update, half as large again).
     */
    private static final class Pace {
        private static final double FITTED_WEIGHT = 1.5;
        private static final int REPORT_EVERY = 64;

        private final double total;
        private final DoubleConsumer progress;
        private final BooleanSupplier cancelled;
        private double done;
        private int strings;

        Pace(int fitted, int scored, DoubleConsumer progress, BooleanSupplier cancelled) {
            this.total = FITTED_WEIGHT * fitted + scored;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        void fittedOne() {
            advance(FITTED_WEIGHT);
        }

        void scoredOne() {
            advance(1);
        }

        private void advance(double work) {
            done += work;
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("read-out cancelled");
            }
            if (++strings % REPORT_EVERY == 0) {
                progress.accept(Math.min(1, done / total));
            }
        }
    }

    /** Solves (G + ridge) w = b for the symmetric G given by its lower triangle, by Cholesky. */
    private static double[] solve(double[][] lower, double[] b) {
        int n = b.length;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += lower[i][i];
        }
        double ridge = RIDGE * trace / n;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = lower[i][j] + (i == j && i > 0 ? ridge : 0); // the intercept is not penalised
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] w = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * w[k];
            }
            w[i] = sum / l[i][i];
        }
        return w;
    }

    /** Running sums for R^2 = 1 - SS_residual / SS_total. */
    private static final class Moments {
        private long n;
        private double sum;
        private double sumSquares;
        private double residual;

        void add(double actual, double predicted) {
            n++;
            sum += actual;
            sumSquares += actual * actual;
            residual += (actual - predicted) * (actual - predicted);
        }

        double rSquared() {
            double total = sumSquares - sum * sum / n;
            return total <= 0 ? Double.NaN : 1 - residual / total;
        }
    }

    /** Running sums for each feature's correlation with the count and its standard deviation. */
    private static final class Correlations {
        private final double[] sumX;
        private final double[] sumXX;
        private final double[] sumXY;
        private long n;
        private double sumY;
        private double sumYY;

        Correlations(int features) {
            sumX = new double[features];
            sumXX = new double[features];
            sumXY = new double[features];
        }

        void add(double y, double[] x) { // x[0] is the constant 1
            n++;
            sumY += y;
            sumYY += y * y;
            for (int i = 0; i < sumX.length; i++) {
                double v = x[i + 1];
                sumX[i] += v;
                sumXX[i] += v * v;
                sumXY[i] += v * y;
            }
        }

        double correlation(int i) {
            double covariance = sumXY[i] - sumX[i] * sumY / n;
            double varianceX = sumXX[i] - sumX[i] * sumX[i] / n;
            double varianceY = sumYY - sumY * sumY / n;
            return varianceX <= 0 || varianceY <= 0 ? 0 : covariance / Math.sqrt(varianceX * varianceY);
        }

        double deviation(int i) {
            return Math.sqrt(Math.max(0, (sumXX[i] - sumX[i] * sumX[i] / n) / n));
        }
    }
}
