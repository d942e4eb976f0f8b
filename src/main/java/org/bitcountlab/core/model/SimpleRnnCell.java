package org.bitcountlab.core.model;

/** DL4J's {@code SimpleRnn} step in plain Java: h = tanh(x W + h_prev RW + b). */
public final class SimpleRnnCell extends RecurrentCell {

    private final float[] recurrentWeights;
    private final float[] biasForZero;
    private final float[] biasForOne;

    SimpleRnnCell(ParameterSnapshot parameters, SilencedUnits silenced) {
        super(parameters, silenced);
        if (parameters.cellType() != CellType.SIMPLE_RNN) {
            throw new IllegalArgumentException("these parameters belong to a " + parameters.cellType() + ", not a simple RNN");
        }
        this.recurrentWeights = parameters.recurrentWeightsView();
        this.biasForZero = parameters.recurrentBiasView();
        this.biasForOne = new float[hidden];
        float[] inputWeights = parameters.inputWeightsView();
        for (int j = 0; j < hidden; j++) {
            biasForOne[j] = biasForZero[j] + inputWeights[j];
        }
    }

    @Override
    void advance(State s, int depth, int bit) {
        float[] z = s.z;
        System.arraycopy(bit == 0 ? biasForZero : biasForOne, 0, z, 0, hidden);
        addRecurrent(z, s.h[depth], recurrentWeights);
        System.arraycopy(z, 0, s.h[depth + 1], 0, hidden);
        LstmElementwise.tanh(s.h[depth + 1], hidden);
    }
}
