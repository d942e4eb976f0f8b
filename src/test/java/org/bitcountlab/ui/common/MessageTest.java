package org.bitcountlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Time left reads in seconds up to two minutes, then in minutes, so that it fits beside the epoch count. */
class MessageTest {

    @Test
    void timeLeftReadsInSecondsThenInMinutes() {
        assertThat(Message.timeLeft(-1)).as("not known yet").isNull();
        assertThat(Message.timeLeft(0)).isEqualTo(new Message("eta.format", 0L));
        assertThat(Message.timeLeft(119.4)).isEqualTo(new Message("eta.format", 119L));
        assertThat(Message.timeLeft(120)).isEqualTo(new Message("eta.minutes", 2L));
        assertThat(Message.timeLeft(1_400)).isEqualTo(new Message("eta.minutes", 23L));
    }
}
