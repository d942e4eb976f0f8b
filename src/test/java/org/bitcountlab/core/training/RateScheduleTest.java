package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void theFastPresetsRateIsUsefulForTwentyOneEpochs() {
        assertThat(RateSchedule.lastUsefulEpoch(0.8)).isEqualTo(21);
        assertThat(Math.pow(0.8, 20)).isGreaterThanOrEqualTo(RateSchedule.USEFUL_SHARE);
        assertThat(Math.pow(0.8, 21)).isLessThan(RateSchedule.USEFUL_SHARE);
        assertThat(RateSchedule.lastUsefulEpoch(1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theSuggestedDecayKeepsEveryEpochUsefulAndNoMore() {
        for (int epochs = 2; epochs <= 100_000; epochs = epochs < 100 ? epochs + 1 : epochs * 3 / 2) {
            double decay = RateSchedule.decayFor(epochs);
            assertThat(RateSchedule.lastUsefulEpoch(decay)).as("%d epochs, decay %s", epochs, decay)
                    .isGreaterThanOrEqualTo(epochs);
            if (decay < 0.999) {
                assertThat(RateSchedule.lastUsefulEpoch(decay - 0.001)).as("%d epochs", epochs).isLessThan(epochs);
            }
        }
        assertThat(RateSchedule.decayFor(200)).isEqualTo(0.978);
    }
}
