package org.bitcountlab.core.training;

import org.bitcountlab.core.model.NetworkFactory;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores strings the slow, obvious way: every string through DL4J's own built-in network
 * ({@code network.output()}), with none of the project's kernels, prefix sharing or chunking.
 */
final class Dl4jReference {

    /** Softmax margins below this are near-ties, which float rounding may break either way. */
    static final double TIE = 1e-5;

    /** DL4J's predicted count for each string, and whether its top two probabilities nearly tie. */
    record Answers(int[] predicted, boolean[] nearTie) {

        int nearTies() {
            int n = 0;
            for (boolean tie : nearTie) {
                n += tie ? 1 : 0;
            }
            return n;
        }

        /** [true count][predicted count], as {@link Evaluation#confusion()}. */
        long[][] confusion(int[] values, int classes) {
            long[][] confusion = new long[classes][classes];
            for (int i = 0; i < values.length; i++) {
                confusion[Integer.bitCount(values[i])][predicted[i]]++;
            }
            return confusion;
        }

        long errors(int[] values) {
            long errors = 0;
            for (int i = 0; i < values.length; i++) {
                errors += predicted[i] != Integer.bitCount(values[i]) ? 1 : 0;
            }
            return errors;
        }
    }

    private Dl4jReference() {
    }

    /** Runs {@code values} as strings of {@code length} bits, most significant first, through any model. */
    static Answers answers(ParameterSnapshot parameters, int[] values, int length) {
        MultiLayerNetwork network = NetworkFactory.build(parameters, 0.001, 1);
        int classes = parameters.classes();
        int[] predicted = new int[values.length];
        boolean[] nearTie = new boolean[values.length];
        int batch = 8192;
        for (int from = 0; from < values.length; from += batch) {
            int rows = Math.min(batch, values.length - from);
            float[] features = new float[rows * length];
            for (int row = 0; row < rows; row++) {
                for (int t = 0; t < length; t++) {
                    features[row * length + t] = (values[from + row] >>> (length - 1 - t)) & 1;
                }
            }
            INDArray output = network.output(Nd4j.create(features, new long[] {rows, 1, length}, 'c'));
            float[] probabilities = output.castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (int row = 0; row < rows; row++) {
                int best = 0;
                int second = -1;
                for (int k = 1; k < classes; k++) {
                    float p = probabilities[row * classes + k];
                    if (p > probabilities[row * classes + best]) {
                        second = best;
                        best = k;
                    } else if (second < 0 || p > probabilities[row * classes + second]) {
                        second = k;
                    }
                }
                predicted[from + row] = best;
                nearTie[from + row] = probabilities[row * classes + best] - probabilities[row * classes + second] < TIE;
            }
        }
        return new Answers(predicted, nearTie);
    }
}
