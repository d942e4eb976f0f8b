package org.bitcountlab.core.training;

/**
 * How a model did on a set of strings, in total and by true count.
 *
 * @param confusion [true count][predicted count]
 */
public record Evaluation(int length, long strings, long errors, long[][] confusion) {

    public double errorPercent() {
        return strings == 0 ? 0 : 100.0 * errors / strings;
    }

    public long stringsWithCount(int count) {
        long total = 0;
        for (long n : confusion[count]) {
            total += n;
        }
        return total;
    }

    public long errorsWithCount(int count) {
        return stringsWithCount(count) - confusion[count][count];
    }

    /** Error in percent among strings whose true count is {@code count}; NaN where there are none. */
    public double errorPercentForCount(int count) {
        long n = stringsWithCount(count);
        return n == 0 ? Double.NaN : 100.0 * errorsWithCount(count) / n;
    }
}
