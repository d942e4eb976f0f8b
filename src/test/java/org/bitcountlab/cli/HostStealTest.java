package org.bitcountlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class HostStealTest {

    @Test
    void theShareOfProcessorTimeTheHostTookIsReadFromProcStat() {
        Optional<HostSteal> start = HostSteal.parse("cpu  5807368 923511 410885 3043688 3717 0 18280 339053 0 0");
        Optional<HostSteal> end = HostSteal.parse("cpu  5808493 923511 410965 3043931 3717 0 18284 339646 0 0");

        // of the 2,045 ticks that passed (two processors, about ten seconds), 593 were stolen
        assertThat(HostSteal.percentBetween(start, end).getAsDouble()).isCloseTo(29.0, within(0.01));
    }

    @Test
    void noFigureWhereThereIsNoStealColumnOrNoTimePassed() {
        assertThat(HostSteal.parse("cpu  10 0 5 100")).isEmpty();
        assertThat(HostSteal.parse("intr 1 2 3 4 5 6 7 8 9")).isEmpty();
        assertThat(HostSteal.parse("cpu  a b c d e f g h")).isEmpty();
        Optional<HostSteal> one = HostSteal.parse("cpu  1 2 3 4 5 6 7 8");
        assertThat(HostSteal.percentBetween(one, one)).isEmpty();
        assertThat(HostSteal.percentBetween(Optional.empty(), one)).isEmpty();
    }
}
