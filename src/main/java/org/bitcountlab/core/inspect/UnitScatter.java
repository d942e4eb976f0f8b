package org.bitcountlab.core.inspect;

/**
 * One unit's state against the count so far, one entry per prefix of the scored strings: the
 * points of a scatter plot.
 *
 * @param step  1-based: the prefix's length
 * @param count ones in the prefix
 * @param cell  the cell state; for a simple RNN, which has none, the hidden state again
 */
public record UnitScatter(int unit, int[] step, int[] count, float[] hidden, float[] cell) {

    public int points() {
        return count.length;
    }
}
