package org.bitcountlab.core.inspect;

/**
 * How much of the running count one unit carries.
 *
 * @param unit              0-based
 * @param hiddenCorrelation Pearson correlation of the unit's hidden state with the count so far,
 *                          over every prefix of the scored strings
 * @param cellCorrelation   the same for its cell state; NaN for a simple RNN, which has none
 * @param hiddenWeight      the read-out's weight on the hidden state times that state's standard
 *                          deviation: counts read per typical swing of the unit, comparable across units
 * @param cellWeight        the same for the cell state; NaN for a simple RNN
 */
public record UnitCount(int unit, double hiddenCorrelation, double cellCorrelation, double hiddenWeight,
        double cellWeight) {

    /** The larger |correlation| of the unit's two states: how well the unit alone follows the count. */
    public double strength() {
        double cell = Double.isNaN(cellCorrelation) ? 0 : Math.abs(cellCorrelation);
        return Math.max(Math.abs(hiddenCorrelation), cell);
    }
}
