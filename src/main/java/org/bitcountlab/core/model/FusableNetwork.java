package org.bitcountlab.core.model;

import java.util.List;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.layers.recurrent.LastTimeStepLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Which networks {@link TrainingStep} trains itself: the counting network with the fused LSTM,
 * {@code LastTimeStep(LSTM) -> softmax output, MCXENT}, and nothing in its configuration the fused
 * pass does not compute (dropout, weight noise, regularisation, constraints, gradient
 * normalisation, listeners, loss weights).
 */
final class FusableNetwork {

    private FusableNetwork() {
    }

    /** The configurations the fused pass computes exactly; anything else goes to DL4J's fit. */
    static boolean test(MultiLayerNetwork network) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        if (network.getnLayers() != 2 || network.getListeners() != null && !network.getListeners().isEmpty()
                || configuration.getBackpropType() != BackpropType.Standard
                || !configuration.getInputPreProcessors().isEmpty() || configuration.getDataType() != DataType.FLOAT
                || !(network.getLayer(0) instanceof LastTimeStepLayer wrapper)
                || !(wrapper.getUnderlying() instanceof org.deeplearning4j.nn.layers.recurrent.LSTM lstm)
                || !(network.getLayer(1) instanceof org.deeplearning4j.nn.layers.OutputLayer output)) {
            return false;
        }
        org.deeplearning4j.nn.conf.layers.LSTM lstmConfiguration =
                (org.deeplearning4j.nn.conf.layers.LSTM) lstm.conf().getLayer();
        OutputLayer outputConfiguration = (OutputLayer) output.conf().getLayer();
        return plain(lstmConfiguration) && plain(outputConfiguration)
                && lstmConfiguration.getGateActivationFn() instanceof ActivationSigmoid
                && lstmConfiguration.getActivationFn() instanceof ActivationTanH
                && outputConfiguration.getActivationFn() instanceof ActivationSoftmax
                && outputConfiguration.hasBias()
                && outputConfiguration.getLossFn() instanceof LossMCXENT loss
                && loss.getWeights() == null && loss.getSoftmaxClipEps() == SoftmaxShard.CLIP_EPSILON;
    }

    /** No dropout, weight noise, regularisation, constraints or gradient normalisation. */
    private static boolean plain(BaseLayer layer) {
        return layer.getIDropout() == null && layer.getWeightNoise() == null && empty(layer.getRegularization())
                && empty(layer.getRegularizationBias()) && empty(layer.getConstraints())
                && (layer.getGradientNormalization() == null
                        || layer.getGradientNormalization() == GradientNormalization.None);
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
