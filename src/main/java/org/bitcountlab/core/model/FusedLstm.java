package org.bitcountlab.core.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link LSTM} configuration, unchanged in parameters, initialisation and maths, whose layer
 * runs forward and backward through {@link FusedLstmHelper}. Build it from a stock configuration:
 * {@code FusedLstm.of(new LSTM.Builder()...build())}.
 */
public class FusedLstm extends LSTM {

    /** For DL4J's configuration cloning; use {@link #of(LSTM)}. */
    public FusedLstm() {
    }

    /**
     * A fused copy of a stock LSTM configuration. Every field is copied, so whatever the builder
     * set (and whatever a later DL4J adds) carries over unchanged.
     */
    public static FusedLstm of(LSTM stock) {
        FusedLstm fused = new FusedLstm();
        for (Class<?> type = LSTM.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(fused, field.get(stock));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot copy LSTM configuration field " + field, e);
                }
            }
        }
        return fused;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FusedLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        FusedLstmLayer layer = new FusedLstmLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    /** The stock LSTM layer with the fused helper installed. */
    static final class FusedLstmLayer extends org.deeplearning4j.nn.layers.recurrent.LSTM {
        FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
            this.helper = new FusedLstmHelper();
        }

        void release() {
            ((FusedLstmHelper) helper).close();
        }
    }
}
