package org.bitcountlab.core.training;

import org.bitcountlab.core.dataset.BitStrings;

/**
 * How often each count occurs among the training strings: what a network that ignores its input
 * can learn at best. For all 2^L strings, or a random share of them, it is the binomial
 * distribution B(L, 1/2). Such a network's loss is the distribution's entropy (2.22 nats for 20 bits,
 * against ln 21 = 3.04 for a uniform guess), and its error that of always answering the most
 * common count (82.4% for 20 bits: 10 ones is the answer for only 17.6% of the strings).
 */
public record CountPrior(double[] probabilities) {

    public CountPrior {
        probabilities = probabilities.clone();
    }

    /** The counts' frequencies among {@code values}, strings of {@code length} bits. */
    public static CountPrior of(int[] values, int length) {
        double[] p = new double[length + 1];
        for (int value : values) {
            p[BitStrings.countOnes(value)]++;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= values.length;
        }
        return new CountPrior(p);
    }

    /** The cross-entropy, in nats, of a network that predicts this distribution for every string. */
    public double entropy() {
        double sum = 0;
        for (double p : probabilities) {
            if (p > 0) {
                sum -= p * Math.log(p);
            }
        }
        return sum;
    }

    /** Error in percent of always answering the most common count, on strings drawn like these. */
    public double modeErrorPercent() {
        double most = 0;
        for (double p : probabilities) {
            most = Math.max(most, p);
        }
        return 100 * (1 - most);
    }
}
