package org.bitcountlab.core.model;

import java.util.Arrays;

/**
 * The output layer of a many-to-one network for one shard's rows: a dense layer over the last
 * hidden state, softmax, and the multi-class cross-entropy, forward and backward at once. The
 * loss is DL4J's MCXENT: -sum(y * log p), with p clipped below at 1e-10 for the score; its
 * gradient with respect to the logits is p - y.
 *
 * <p>Like {@link LstmShard}, values are stored feature-major ([classes x rows]) so that the loops
 * run over rows and vectorise.
 */
final class SoftmaxShard {

    /** DL4J's default: p is clipped to at least this before its log is taken for the score. */
    static final double CLIP_EPSILON = 1e-10;
    private static final float SCORE_CLIP = (float) CLIP_EPSILON;

    private final int capacity;
    private final int hidden;
    private final int classes;
    private final float[] logits;      // [classes x rows]; probabilities, then p - y
    private final float[] labels;      // [classes x rows]
    private final float[] rowMax;      // [rows]
    private final float[] rowSum;      // [rows]
    final float[] weightGradient;      // [hidden x classes]
    final float[] biasGradient;        // [classes]
    double loss;                       // summed over the shard's rows

    SoftmaxShard(int capacity, int hidden, int classes) {
        this.capacity = capacity;
        this.hidden = hidden;
        this.classes = classes;
        logits = new float[classes * capacity];
        labels = new float[classes * capacity];
        rowMax = new float[capacity];
        rowSum = new float[capacity];
        weightGradient = new float[hidden * classes];
        biasGradient = new float[classes];
    }

    static long bytes(int capacity, int hidden, int classes) {
        return ((2L * classes + 2) * capacity + (long) hidden * classes + classes) * Float.BYTES;
    }

    boolean fits(int hidden, int classes, int rows) {
        return this.hidden == hidden && this.classes == classes && rows <= capacity;
    }

    /**
     * One forward and backward pass for rows [from, from + rows) of the minibatch.
     *
     * @param lastHidden   h at the last timestep for these rows, [hidden x rows]
     * @param rowMajorLabels the minibatch's labels, [batch][classes]
     * @param weights      the output layer's weights, row-major [hidden][classes]
     * @param bias         [classes]
     * @param hiddenGradient receives dL/dh for these rows at columns from.., [hidden][batch]
     */
    void forwardBackward(float[] lastHidden, float[] rowMajorLabels, float[] weights, float[] bias, int from,
            int rows, int batch, float[] hiddenGradient) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < classes; c++) {
                labels[c * rows + r] = rowMajorLabels[(from + r) * classes + c];
            }
        }
        for (int c = 0; c < classes; c++) {
            Arrays.fill(logits, c * rows, (c + 1) * rows, bias[c]);
        }
        for (int u = 0; u < hidden; u++) {
            int h = u * rows;
            for (int c = 0; c < classes; c++) {
                float w = weights[u * classes + c];
                int z = c * rows;
                for (int r = 0; r < rows; r++) {
                    logits[z + r] += w * lastHidden[h + r];
                }
            }
        }
        softmax(rows);
        double sum = 0;
        for (int i = 0; i < classes * rows; i++) {
            if (labels[i] != 0) {
                sum -= labels[i] * Math.log(Math.max(logits[i], SCORE_CLIP));
            }
            logits[i] -= labels[i];
        }
        loss = sum;

        for (int c = 0; c < classes; c++) {
            float total = 0;
            int z = c * rows;
            for (int r = 0; r < rows; r++) {
                total += logits[z + r];
            }
            biasGradient[c] = total;
        }
        for (int u = 0; u < hidden; u++) {
            int h = u * rows;
            for (int c = 0; c < classes; c++) {
                float total = 0;
                int z = c * rows;
                for (int r = 0; r < rows; r++) {
                    total += lastHidden[h + r] * logits[z + r];
                }
                weightGradient[u * classes + c] = total;
            }
        }
        for (int u = 0; u < hidden; u++) {
            int out = u * batch + from;
            Arrays.fill(hiddenGradient, out, out + rows, 0f);
            for (int c = 0; c < classes; c++) {
                float w = weights[u * classes + c];
                int z = c * rows;
                for (int r = 0; r < rows; r++) {
                    hiddenGradient[out + r] += w * logits[z + r];
                }
            }
        }
    }

    /** Softmax of each row of logits, in place, shifted by the row's maximum so exp cannot overflow. */
    private void softmax(int rows) {
        System.arraycopy(logits, 0, rowMax, 0, rows);
        for (int c = 1; c < classes; c++) {
            int z = c * rows;
            for (int r = 0; r < rows; r++) {
                rowMax[r] = Math.max(rowMax[r], logits[z + r]);
            }
        }
        Arrays.fill(rowSum, 0, rows, 0f);
        for (int c = 0; c < classes; c++) {
            int z = c * rows;
            for (int r = 0; r < rows; r++) {
                float e = (float) Math.exp(logits[z + r] - rowMax[r]);
                logits[z + r] = e;
                rowSum[r] += e;
            }
        }
        for (int r = 0; r < rows; r++) {
            rowSum[r] = 1f / rowSum[r];
        }
        for (int c = 0; c < classes; c++) {
            int z = c * rows;
            for (int r = 0; r < rows; r++) {
                logits[z + r] *= rowSum[r];
            }
        }
    }
}
