package org.bitcountlab.core.dataset;

/**
 * Row-major encodings of a batch of strings, in the network's layout: features [batch, 1, steps]
 * (one feature per timestep, most significant bit first) and one-hot labels [batch, classes].
 */
public record Minibatch(int size, int length, float[] features, float[] labels) {

    /** Strings of {@code length} bits, read whole; counts 0..length. */
    public static Minibatch of(int[] values, int from, int to, int length) {
        return of(values, from, to, length, length);
    }

    /**
     * The first {@code steps} bits of strings of {@code length} bits: a string of {@code steps} bits
     * each, labelled with its own count among the network's counts 0..length.
     */
    public static Minibatch of(int[] values, int from, int to, int length, int steps) {
        if (steps < 1 || steps > length) {
            throw new IllegalArgumentException("steps must be between 1 and " + length + ", got " + steps);
        }
        int size = to - from;
        int classes = length + 1;
        float[] features = new float[size * steps];
        float[] labels = new float[size * classes];
        for (int row = 0; row < size; row++) {
            int prefix = values[from + row] >>> (length - steps);
            for (int step = 0; step < steps; step++) {
                features[row * steps + step] = BitStrings.bitAt(prefix, steps, step);
            }
            labels[row * classes + BitStrings.countOnes(prefix)] = 1f;
        }
        return new Minibatch(size, steps, features, labels);
    }
}
