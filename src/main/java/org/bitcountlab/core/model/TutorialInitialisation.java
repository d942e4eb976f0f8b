package org.bitcountlab.core.model;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Redraws a freshly built network's weights as the tutorial's TensorFlow 1.0 code draws them.
 *
 * <p>{@code tf.contrib.rnn.LSTMCell(24)} keeps one kernel over {@code [input; hidden]} for all four
 * gates, initialised glorot-uniform over that whole [1 + H, 4H] matrix: the same limit
 * sqrt(6 / ((1 + H) + 4H)) for input and recurrent weights. Its gate biases start at zero and
 * {@code forget_bias = 1.0} is added to the forget gate on every step; a trainable bias that starts
 * at 1.0 trains identically (same gradient, same Adam state), so that is what is set here. The cell
 * has no peepholes, and neither has DL4J's {@code LSTM} (its recurrent weights are [H, 4H], not
 * [H, 4H + 3] as in {@code GravesLSTM}).
 *
 * <p>Gate order: TensorFlow splits the kernel's columns as {@code i, j, f, o} (input gate, cell
 * input, forget gate, output gate); DL4J packs them as cell input, forget, output, input gate (see
 * {@link LstmGates}). Kernel entries are independent and identically distributed, so the columns
 * are drawn directly in DL4J's layout; only the forget bias needs the mapping, and goes to
 * {@link LstmGates#FORGET}.
 *
 * <p>The output layer is {@code tf.truncated_normal([H, 21])} (mean 0, standard deviation 1,
 * values beyond 2 standard deviations redrawn) and {@code tf.constant(0.1)}.
 */
final class TutorialInitialisation {

    private static final double FORGET_BIAS = 1.0;
    private static final double OUTPUT_BIAS = 0.1;
    private static final double TRUNCATION = 2.0;
    /** Keeps these draws apart from the other users of the run's seed (the shuffle, the minibatch order). */
    private static final long SALT = 0x7F4A_7C15_9E37_79B9L;

    private TutorialInitialisation() {
    }

    static void apply(Initialisation initialisation, MultiLayerNetwork network, long seed) {
        if (initialisation == Initialisation.XAVIER) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        if (initialisation == Initialisation.TUTORIAL) {
            initialiseRecurrentLayer(network, random);
        }
        initialiseOutput(network, random);
    }

    /** Glorot-uniform over the whole [input + hidden, columns] kernel; for a simple RNN, TF's BasicRNNCell does the same. */
    private static void initialiseRecurrentLayer(MultiLayerNetwork network, SplittableRandom random) {
        INDArray input = network.getParam(NetworkFactory.RECURRENT_INPUT_WEIGHTS);
        INDArray recurrent = network.getParam(NetworkFactory.RECURRENT_WEIGHTS);
        INDArray bias = network.getParam(NetworkFactory.RECURRENT_BIAS);
        long hidden = recurrent.size(0);
        long columns = recurrent.size(1);
        double limit = Math.sqrt(6.0 / (input.size(0) + hidden + columns));
        fill(input, () -> random.nextDouble(-limit, limit));
        fill(recurrent, () -> random.nextDouble(-limit, limit));
        bias.assign(0);
        if (columns == LstmGates.COUNT * hidden) {
            for (long j = LstmGates.FORGET * hidden; j < (LstmGates.FORGET + 1) * hidden; j++) {
                bias.putScalar(j, FORGET_BIAS);
            }
        }
    }

    private static void initialiseOutput(MultiLayerNetwork network, SplittableRandom random) {
        fill(network.getParam(NetworkFactory.OUTPUT_WEIGHTS), () -> truncatedNormal(random));
        network.getParam(NetworkFactory.OUTPUT_BIAS).assign(OUTPUT_BIAS);
    }

    private static double truncatedNormal(SplittableRandom random) {
        double value;
        do {
            value = random.nextGaussian();
        } while (Math.abs(value) > TRUNCATION);
        return value;
    }

    private static void fill(INDArray parameters, java.util.function.DoubleSupplier draw) {
        for (long i = 0; i < parameters.length(); i++) {
            parameters.putScalar(i, draw.getAsDouble());
        }
    }
}
