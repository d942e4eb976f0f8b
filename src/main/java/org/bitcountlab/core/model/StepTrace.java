package org.bitcountlab.core.model;

/**
 * What happens inside the recurrent layer for one string: the hidden and cell state after each
 * timestep and the dense layer's prediction applied to each prefix's hidden state.
 *
 * @param hidden      [step][unit], steps 1..L stored at index 0..L-1
 * @param cell        [step][unit]; a simple RNN has no cell state, so there it repeats {@code hidden}
 * @param predictions the softmax after each prefix, [step][count]
 */
public record StepTrace(int value, int length, float[][] hidden, float[][] cell, double[][] predictions) {

    public int steps() {
        return length;
    }

    public int units() {
        return hidden.length == 0 ? 0 : hidden[0].length;
    }

    public int predictedCountAfter(int step) {
        return Prediction.argmax(predictions[step]);
    }
}
