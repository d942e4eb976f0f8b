package org.bitcountlab.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.model.StepTrace;
import org.bitcountlab.core.training.PretrainedModel;
import org.bitcountlab.core.training.TrainedModel;
import org.junit.jupiter.api.Test;

class CountReadoutTest {

    @Test
    void thePretrainedModelsStateHoldsTheRunningCount() throws Exception {
        TrainedModel model = PretrainedModel.load();
        int[] heldOut = BitStringDataset.create(20, 10_000, 1).heldOutSample(2000);
        CountReadout readout = CountReadout.fit(model.parameters(), heldOut);

        assertThat(readout.rSquaredByStep()).hasSize(20);
        // the shipped model (the median of five tutorial runs) reads 0.80 at the last step
        assertThat(readout.rSquaredAtLastStep()).isGreaterThan(0.75);
        assertThat(readout.rSquared()).isGreaterThan(0.95);
        assertThat(readout.units()).hasSize(24);
        assertThat(readout.countingUnits().get(0).strength()).isGreaterThan(0.8);

        // the read-out applied to one string follows its count (a linear read-out of R^2 0.8 is off by up to 1.5)
        int value = 0b1111_0000_1111_0000_1111;
        double[] counts = readout.readCounts(new Predictor(model.parameters()).trace(value));
        assertThat(counts[3]).isCloseTo(4, within(1.0));
        assertThat(counts[19]).isCloseTo(12, within(1.5));

        UnitScatter scatter = readout.scatter(readout.countingUnits().get(0).unit());
        assertThat(scatter.points()).isEqualTo(1000 * 20);
        assertThat(scatter.step()[19]).isEqualTo(20);
    }

    @Test
    void withEveryUnitSilencedThereIsNothingToReadTheCountFrom() throws Exception {
        ParameterSnapshot parameters = PretrainedModel.load().parameters();
        int[] heldOut = BitStringDataset.create(20, 10_000, 1).heldOutSample(400);

        CountReadout readout = CountReadout.fit(parameters, SilencedUnits.all(24), heldOut);

        assertThat(readout.rSquaredAtLastStep()).isLessThan(0.01);
    }

    @Test
    void aSimpleRnnHasOnlyHiddenWeights() {
        ParameterSnapshot rnn = ParameterSnapshot.untrained(CellType.SIMPLE_RNN, 12, 5, 2);
        CountReadout readout = CountReadout.fit(rnn, BitStringDataset.create(12, 100, 1).heldOutSample(500));

        assertThat(readout.hiddenWeights()).hasSize(5);
        assertThat(readout.cellWeights()).isEmpty();
        assertThat(readout.units().get(0).cellCorrelation()).isNaN();
        StepTrace trace = new Predictor(rnn).trace(77);
        assertThat(readout.readCounts(trace)).hasSize(12);
    }
}
