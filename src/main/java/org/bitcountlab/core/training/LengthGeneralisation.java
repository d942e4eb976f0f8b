package org.bitcountlab.core.training;

import java.util.SplittableRandom;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.RecurrentCell;
import org.bitcountlab.core.model.SilencedUnits;

/**
 * How a model trained on one length counts strings of other lengths. The recurrent layer runs for
 * any number of steps; the output layer can only name counts up to the trained length, so longer
 * strings are sampled among those whose count it can name.
 */
public final class LengthGeneralisation {

    /** Error in percent on {@code samples} random strings of each length from..to. */
    public record Result(int fromLength, double[] errorPercent, int samples) {

        public double errorAt(int length) {
            return errorPercent[length - fromLength];
        }
    }

    private LengthGeneralisation() {
    }

    public static Result evaluate(ParameterSnapshot parameters, int fromLength, int toLength, int samples, long seed) {
        return evaluate(parameters, SilencedUnits.none(), fromLength, toLength, samples, seed);
    }

    /** The same, with {@code silenced} units' output held at 0. */
    public static Result evaluate(ParameterSnapshot parameters, SilencedUnits silenced, int fromLength, int toLength,
            int samples, long seed) {
        if (fromLength < 1 || toLength > 30 || fromLength > toLength) {
            throw new IllegalArgumentException("lengths must satisfy 1 <= from <= to <= 30");
        }
        RecurrentCell cell = RecurrentCell.of(parameters, silenced);
        SplittableRandom random = new SplittableRandom(seed);
        double[] errors = new double[toLength - fromLength + 1];
        for (int length = fromLength; length <= toLength; length++) {
            errors[length - fromLength] = errorPercent(cell, sample(length, parameters.classes() - 1, samples, random), length);
        }
        return new Result(fromLength, errors, samples);
    }

    /** Random strings of {@code length} bits with at most {@code maxCount} ones. */
    static int[] sample(int length, int maxCount, int samples, SplittableRandom random) {
        int[] values = new int[samples];
        for (int n = 0; n < samples; n++) {
            int value;
            do {
                value = random.nextInt() & (int) ((1L << length) - 1);
            } while (Integer.bitCount(value) > maxCount);
            values[n] = value;
        }
        return values;
    }

    /** Error in percent on {@code values} read as strings of {@code length} bits, most significant first. */
    static double errorPercent(RecurrentCell cell, int[] values, int length) {
        RecurrentCell.State state = cell.newState(length);
        int wrong = 0;
        for (int value : values) {
            for (int step = 0; step < length; step++) {
                cell.step(state, step, (value >>> (length - 1 - step)) & 1);
            }
            if (cell.argmax(state, length) != Integer.bitCount(value)) {
                wrong++;
            }
        }
        return 100.0 * wrong / values.length;
    }
}
