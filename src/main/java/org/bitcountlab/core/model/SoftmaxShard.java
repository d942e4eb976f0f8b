package org.bitcountlab.core.model;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.util.Arrays;

import org.bytedeco.javacpp.FloatPointer;

/**
 * The output layer of a many-to-one network for one shard's rows: a dense layer over the last
 * hidden state, softmax, and the multi-class cross-entropy, forward and backward at once. The
 * loss is DL4J's MCXENT: -sum(y * log p), with p clipped below at 1e-10 for the score; its
 * gradient with respect to the logits is p - y.
 *
 * <p>Like {@link LstmShard}, values are stored feature-major ([classes][rows]) so that the loops
 * run over rows and vectorise. The three products (logits, the weight gradient, the hidden
 * gradient) go to OpenBLAS: in Java they were loops over a shard's 125 rows, too short to
 * vectorise well, and took about three times as long (JFR profiles of a training step).
 */
final class SoftmaxShard implements AutoCloseable {

    /** DL4J's default: p is clipped to at least this before its log is taken for the score. */
    static final double CLIP_EPSILON = 1e-10;
    private static final float SCORE_CLIP = (float) CLIP_EPSILON;

    private final int hidden;
    private final int classes;
    // one array per row of each matrix: the JIT vectorises loops over whole arrays, not over ranges
    private final float[][] logits;     // [classes][rows]; probabilities, then p - y
    private final float[][] labels;     // [classes][rows]
    private final float[] rowMax;       // [rows]
    private final float[] rowSum;       // [rows]
    private final FloatPointer nativeWeights;        // [hidden x classes]
    private final FloatPointer nativeHidden;         // [hidden x rows]
    private final FloatPointer nativeDelta;          // [classes x rows]: the logits, then p - y
    private final FloatPointer nativeWeightGradient; // [hidden x classes]
    private final FloatPointer nativeHiddenGradient; // [hidden x rows]
    final float[] weightGradient;       // [hidden x classes]
    final float[] biasGradient;         // [classes]
    double loss;                        // summed over the shard's rows

    SoftmaxShard(int capacity, int hidden, int classes) {
        this.hidden = hidden;
        this.classes = classes;
        logits = new float[classes][capacity];
        labels = new float[classes][capacity];
        rowMax = new float[capacity];
        rowSum = new float[capacity];
        weightGradient = new float[hidden * classes];
        biasGradient = new float[classes];
        OpenBlas.ready();
        nativeWeights = new FloatPointer((long) hidden * classes);
        nativeHidden = new FloatPointer((long) hidden * capacity);
        nativeDelta = new FloatPointer((long) classes * capacity);
        nativeWeightGradient = new FloatPointer((long) hidden * classes);
        nativeHiddenGradient = new FloatPointer((long) hidden * capacity);
    }

    /**
     * One forward and backward pass for rows [from, from + rows) of the minibatch.
     *
     * @param lastHiddenRows h at the last timestep for these rows, [hidden x rows]
     * @param rowMajorLabels the minibatch's labels, [batch][classes]
     * @param weights      the output layer's weights, row-major [hidden][classes]
     * @param bias         [classes]
     * @param hiddenGradientOut receives dL/dh for these rows at columns from.., [hidden][batch]
     */
    void forwardBackward(float[] lastHiddenRows, float[] rowMajorLabels, float[] weights, float[] bias, int from,
            int rows, int batch, float[] hiddenGradientOut) {
        for (int c = 0; c < classes; c++) {
            float[] y = labels[c];
            for (int r = 0; r < rows; r++) {
                y[r] = rowMajorLabels[(from + r) * classes + c];
            }
        }
        nativeWeights.position(0).put(weights, 0, hidden * classes);
        nativeHidden.position(0).put(lastHiddenRows, 0, hidden * rows);
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, classes, rows, hidden,
                1f, nativeWeights.position(0), classes, nativeHidden.position(0), rows,
                0f, nativeDelta.position(0), rows);
        for (int c = 0; c < classes; c++) {
            float[] z = logits[c];
            nativeDelta.position((long) c * rows).get(z, 0, rows);
            float b = bias[c];
            for (int r = 0; r < rows; r++) {
                z[r] += b;
            }
        }
        softmax(rows);
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            float[] p = logits[c];
            float[] y = labels[c];
            for (int r = 0; r < rows; r++) {
                if (y[r] != 0) {
                    sum -= y[r] * Math.log(Math.max(p[r], SCORE_CLIP));
                }
            }
            for (int r = 0; r < rows; r++) {
                p[r] -= y[r];
            }
        }
        loss = sum;

        for (int c = 0; c < classes; c++) {
            biasGradient[c] = sum(logits[c], rows);
        }
        for (int c = 0; c < classes; c++) {
            nativeDelta.position((long) c * rows).put(logits[c], 0, rows);
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, hidden, classes, rows,
                1f, nativeHidden.position(0), rows, nativeDelta.position(0), rows,
                0f, nativeWeightGradient, classes);
        nativeWeightGradient.get(weightGradient, 0, hidden * classes);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, hidden, rows, classes,
                1f, nativeWeights.position(0), classes, nativeDelta.position(0), rows,
                0f, nativeHiddenGradient.position(0), rows);
        for (int u = 0; u < hidden; u++) {
            nativeHiddenGradient.position((long) u * rows).get(hiddenGradientOut, u * batch + from, rows);
        }
    }

    /** Softmax of each row of logits, in place, shifted by the row's maximum so exp cannot overflow. */
    private void softmax(int rows) {
        System.arraycopy(logits[0], 0, rowMax, 0, rows);
        for (int c = 1; c < classes; c++) {
            float[] z = logits[c];
            for (int r = 0; r < rows; r++) {
                rowMax[r] = Math.max(rowMax[r], z[r]);
            }
        }
        Arrays.fill(rowSum, 0, rows, 0f);
        for (int c = 0; c < classes; c++) {
            float[] z = logits[c];
            for (int r = 0; r < rows; r++) {
                float e = (float) Math.exp(z[r] - rowMax[r]);
                z[r] = e;
                rowSum[r] += e;
            }
        }
        for (int r = 0; r < rows; r++) {
            rowSum[r] = 1f / rowSum[r];
        }
        for (int c = 0; c < classes; c++) {
            float[] z = logits[c];
            for (int r = 0; r < rows; r++) {
                z[r] *= rowSum[r];
            }
        }
    }

    private static float sum(float[] values, int n) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a += values[i];
            b += values[i + 1];
            c += values[i + 2];
            d += values[i + 3];
        }
        for (; i < n; i++) {
            a += values[i];
        }
        return (a + b) + (c + d);
    }

    @Override
    public void close() {
        nativeWeights.close();
        nativeHidden.close();
        nativeDelta.close();
        nativeWeightGradient.close();
        nativeHiddenGradient.close();
    }
}
