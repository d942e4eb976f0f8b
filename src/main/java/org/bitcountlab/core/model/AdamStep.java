package org.bitcountlab.core.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's Adam step, computed in Java on DL4J's own state: what DL4J's updater and step do to the
 * counting network after backprop (divide the gradient by the minibatch size, apply its native
 * Adam op, subtract the update from the parameters), without the bookkeeping around them, which
 * cost about half a millisecond a step, a quarter of a *Fast* step.
 *
 * <p>It applies only where DL4J's updater is one block of Adam over all the parameters (no
 * regularisation or gradient normalisation: {@link FusableNetwork} sees to that). Its learning
 * rate, schedule, betas and epsilon are read from DL4J's Adam configuration at every step, its
 * moments are DL4J's updater state (first moments, then second), and the update is left in the
 * gradient view as DL4J leaves it, so DL4J's fit can take over at any step. The arithmetic is the
 * native op's, in float: {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code update = m a / (sqrt(v) + eps)} with {@code a = lr sqrt(1 - b2^t) / (1 - b1^t)}.
 */
final class AdamStep {

    private final MultiLayerNetwork network;
    private final UpdaterBlock block;
    private final int count;
    private final float[] gradient;
    private final float[] moments; // m then v, as DL4J's state view holds them
    private final float[] params;

    private AdamStep(MultiLayerNetwork network, UpdaterBlock block, int count) {
        this.network = network;
        this.block = block;
        this.count = count;
        gradient = new float[count];
        moments = new float[2 * count];
        params = new float[count];
    }

    /**
     * The step for a network {@link FusableNetwork} accepts, or null where DL4J's updater is not one
     * block of Adam over all its parameters.
     */
    static AdamStep of(MultiLayerNetwork network) {
        if (!(network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater) || updater.getUpdaterBlocks().size() != 1) {
            return null;
        }
        UpdaterBlock block = updater.getUpdaterBlocks().get(0);
        int count = (int) network.numParams();
        if (block.getParamOffsetStart() != 0 || block.getParamOffsetEnd() != count
                || block.getUpdaterView() == null || block.getUpdaterView().length() != 2L * count
                || block.getGradientView() == null || block.getGradientView().length() != count
                || !(block.getGradientUpdater().getConfig() instanceof Adam adam) || adam.getClass() != Adam.class) {
            return null;
        }
        return new AdamStep(network, block, count);
    }

    /** Updates the parameters from the gradient in DL4J's gradient view, as DL4J's updater and step would. */
    void apply(int iteration, int epoch, int batchSize, boolean divideByMinibatch) {
        Adam adam = (Adam) block.getGradientUpdater().getConfig(); // read at every step: the rate may change
        float lr = (float) adam.getLearningRate(iteration, epoch);
        float beta1 = (float) adam.getBeta1();
        float beta2 = (float) adam.getBeta2();
        float epsilon = (float) adam.getEpsilon();
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float alpha = (float) (lr * (float) Math.sqrt(1.0 - beta2T) / (1.0 - beta1T));
        if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0) {
            alpha = epsilon; // as the native op does
        }
        INDArray gradientView = block.getGradientView();
        INDArray state = block.getUpdaterView();
        INDArray parameters = network.params();
        RowMajor.read(gradientView, gradient, 0);
        RowMajor.read(state, moments, 0);
        RowMajor.read(parameters, params, 0);
        for (int i = 0; i < count; i++) {
            float g = divideByMinibatch ? gradient[i] / batchSize : gradient[i];
            float m = beta1 * moments[i] + g * (1 - beta1);
            float v = beta2 * moments[count + i] + g * g * (1 - beta2);
            moments[i] = m;
            moments[count + i] = v;
            float update = m * alpha / ((float) Math.sqrt(v) + epsilon);
            gradient[i] = update;
            params[i] -= update;
        }
        RowMajor.write(moments, 0, state);
        RowMajor.write(gradient, 0, gradientView);
        RowMajor.write(params, 0, parameters);
    }
}
