package org.bitcountlab.core.model;

import java.util.Locale;

/** How a new network's weights are drawn before the first minibatch. */
public enum Initialisation {
    /** DL4J's defaults: Xavier (normal) for every weight matrix, zero biases, forget-gate bias 1. */
    XAVIER,
    /**
     * What the tutorial's TensorFlow 1.0 code draws: glorot-uniform over the LSTM's whole
     * [input + hidden, 4 x hidden] kernel, zero biases with 1.0 on the forget gate, output weights
     * from a normal distribution with standard deviation 1 truncated at 2, output bias 0.1.
     */
    TUTORIAL,
    /** DL4J's LSTM initialisation with the tutorial's output layer: isolates the part that matters most. */
    TUTORIAL_OUTPUT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Initialisation fromId(String id) {
        for (Initialisation value : values()) {
            if (value.id().equalsIgnoreCase(id.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + id + "'; choose xavier, tutorial or tutorial-output");
    }
}
