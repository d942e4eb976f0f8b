package org.bitcountlab.core.model;

/**
 * The LSTM's step for one string, in DL4J's gate layout ({@link LstmGates}): the pre-activations
 * here, then the same elementwise step training and batched scoring run ({@link LstmElementwise}),
 * so that the bit editor's softmax is the one the evaluation counted.
 */
public final class LstmCell extends RecurrentCell {

    private final float[] recurrentWeights;
    private final float[] biasForZero;
    private final float[] biasForOne;

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
    }

    @Override
    void advance(State s, int depth, int bit) {
        float[] z = s.z;
        System.arraycopy(bit == 0 ? biasForZero : biasForOne, 0, z, 0, columns);
        addRecurrent(z, s.h[depth], recurrentWeights);
        GateBlocks gates = s.gates;
        gates.read(z, hidden);
        LstmElementwise.activateGates(gates, hidden);
        LstmElementwise.updateCell(gates, s.c[depth], s.c[depth + 1], s.cellTanh, s.h[depth + 1], hidden);
    }
}
