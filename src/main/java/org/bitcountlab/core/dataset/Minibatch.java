package org.bitcountlab.core.dataset;

/**
 * Row-major encodings of a batch of strings, in the network's layout: features [batch, 1, L]
 * (one feature per timestep, most significant bit first) and one-hot labels [batch, L + 1].
 */
public record Minibatch(int size, int length, float[] features, float[] labels) {

    public static Minibatch of(int[] values, int from, int to, int length) {
        int size = to - from;
        int classes = length + 1;
        float[] features = new float[size * length];
        float[] labels = new float[size * classes];
        for (int row = 0; row < size; row++) {
            int value = values[from + row];
            for (int step = 0; step < length; step++) {
                features[row * length + step] = BitStrings.bitAt(value, length, step);
            }
            labels[row * classes + BitStrings.countOnes(value)] = 1f;
        }
        return new Minibatch(size, length, features, labels);
    }
}
