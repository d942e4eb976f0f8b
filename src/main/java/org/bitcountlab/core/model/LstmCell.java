package org.bitcountlab.core.model;

/** The LSTM's step in plain Java, in DL4J's gate layout ({@link LstmGates}). */
public final class LstmCell extends RecurrentCell {

    private final float[] recurrentWeights;
    private final float[] biasForZero;
    private final float[] biasForOne;
    private final float[] scale;
    private final float[] shift;

    LstmCell(ParameterSnapshot parameters, SilencedUnits silenced) {
        super(parameters, silenced);
        if (parameters.cellType() != CellType.LSTM) {
            throw new IllegalArgumentException("these parameters belong to a " + parameters.cellType() + ", not an LSTM");
        }
        this.recurrentWeights = parameters.recurrentWeightsView();
        this.biasForZero = parameters.recurrentBiasView();
        this.biasForOne = new float[columns];
        float[] inputWeights = parameters.inputWeightsView();
        for (int j = 0; j < columns; j++) {
            biasForOne[j] = biasForZero[j] + inputWeights[j];
        }
        this.scale = LstmGates.activationScale(hidden);
        this.shift = LstmGates.activationShift(hidden);
    }

    @Override
    void advance(State s, int depth, int bit) {
        float[] z = s.z;
        float[] cPrev = s.c[depth];
        float[] hNext = s.h[depth + 1];
        float[] cNext = s.c[depth + 1];
        System.arraycopy(bit == 0 ? biasForZero : biasForOne, 0, z, 0, columns);
        addRecurrent(z, s.h[depth], recurrentWeights);
        for (int j = 0; j < columns; j++) {
            float m = scale[j];
            z[j] = m * FastMath.tanh(m * z[j]) + shift[j];
        }
        int f = LstmGates.FORGET * hidden;
        int o = LstmGates.OUTPUT * hidden;
        int i = LstmGates.INPUT * hidden;
        for (int u = 0; u < hidden; u++) {
            float cell = z[f + u] * cPrev[u] + z[i + u] * z[u];
            cNext[u] = cell;
            hNext[u] = z[o + u] * FastMath.tanh(cell);
        }
    }
}
