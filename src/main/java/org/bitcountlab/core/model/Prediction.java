package org.bitcountlab.core.model;

import org.bitcountlab.core.dataset.BitStrings;

/** The network's softmax over counts 0..L for one bit string. */
public record Prediction(int value, int length, double[] probabilities) {

    public int predictedCount() {
        return argmax(probabilities);
    }

    /** The count with the highest probability (the lowest such count on a tie). */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }

    public int trueCount() {
        return BitStrings.countOnes(value);
    }

    public boolean correct() {
        return predictedCount() == trueCount();
    }

    public double probability(int count) {
        return probabilities[count];
    }

    public String bits() {
        return BitStrings.format(value, length);
    }
}
