package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunTimeLeftTest {

    /** Epoch end times and the total, by the clock, of a run the window trained (see the files). */
    record RecordedRun(List<Double> epochEnds, double total) {

        static RecordedRun read(String name) throws IOException {
            List<Double> ends = new ArrayList<>();
            double total = Double.NaN;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    RunTimeLeftTest.class.getResourceAsStream(name + ".epochs.txt"), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("total ")) {
                        total = Double.parseDouble(line.substring(6));
                    } else if (!line.startsWith("#")) {
                        ends.add(Double.parseDouble(line));
                    }
                }
            }
            return new RecordedRun(ends, total);
        }

        /** The worst relative error of the time left estimated after each epoch from {@code first} on. */
        double worstErrorFrom(int first) {
            RunTimeLeft timeLeft = new RunTimeLeft(epochEnds.size());
            double worst = 0;
            double previous = 0;
            for (int epoch = 1; epoch <= epochEnds.size(); epoch++) {
                double end = epochEnds.get(epoch - 1);
                timeLeft.epochTimed(end - previous);
                previous = end;
                double truth = total - end;
                if (epoch >= first && truth >= 1) { // "about 0 s" against 0.4 s says nothing
                    worst = Math.max(worst, Math.abs(timeLeft.secondsLeft(0) - truth) / truth);
                }
            }
            return worst;
        }
    }

    @Test
    void nothingIsKnownBeforeTheFirstEpochEnds() {
        assertThat(new RunTimeLeft(10).secondsLeft(0)).isEqualTo(-1);
    }

    @Test
    void steadyEpochsGiveTheirCostTimesTheEpochsToGoLessTheOneUnderway() {
        RunTimeLeft timeLeft = new RunTimeLeft(10);
        for (int i = 0; i < 4; i++) {
            timeLeft.epochTimed(0.5);
        }
        assertThat(timeLeft.secondsLeft(0)).isCloseTo(3.0, within(1e-9));
        assertThat(timeLeft.secondsLeft(0.2)).isCloseTo(2.8, within(1e-9));
        assertThat(timeLeft.secondsLeft(9)).isZero();
    }

    @Test
    void aStraySlowEpochDoesNotMoveTheEstimate() {
        RunTimeLeft timeLeft = new RunTimeLeft(100);
        for (int i = 0; i < 20; i++) {
            timeLeft.epochTimed(0.2);
        }
        timeLeft.epochTimed(2.0); // a full collection
        assertThat(timeLeft.secondsLeft(0)).isCloseTo(0.2 * 79, within(1e-9));
    }

    @Test
    void epochsThatStaySlowerAreFollowedWithinAFewEpochs() {
        RunTimeLeft timeLeft = new RunTimeLeft(200);
        for (int i = 0; i < 100; i++) {
            timeLeft.epochTimed(0.2);
        }
        for (int i = 0; i < 25; i++) { // another program took a core
            timeLeft.epochTimed(0.4);
        }
        assertThat(timeLeft.secondsLeft(0)).isCloseTo(0.4 * 75, within(1e-9));
    }

    @Test
    void epochsThatGetFasterAreFollowedAtOnce() {
        RunTimeLeft timeLeft = new RunTimeLeft(20);
        timeLeft.epochTimed(0.5);
        timeLeft.epochTimed(0.3);
        timeLeft.epochTimed(0.2);
        assertThat(timeLeft.secondsLeft(0)).isCloseTo(0.2 * 17, within(1e-9));
    }

    /**
     * Fast runs, each the first in its window. The first three were recorded with a second epoch of
     * 0.26-0.29 s where the tenth took 0.18-0.20 s, the JIT compiling the window's drawing code; the
     * other three had a second epoch as fast as the later ones. Counting the epochs to come a little
     * faster until the third has ended keeps both kinds within a quarter.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fast-run-1", "fast-run-2", "fast-run-3", "fast-run-4", "fast-run-5", "fast-run-6"})
    void aFastRunsTimeLeftIsWithinAQuarterFromTheSecondEpochOn(String name) throws IOException {
        assertThat(RecordedRun.read(name).worstErrorFrom(2)).isLessThanOrEqualTo(0.25);
    }

    @Test
    void twoEpochsInTheEpochsToComeAreCountedAsTheWarmedUpOnesWillBe() {
        RunTimeLeft timeLeft = new RunTimeLeft(10);
        timeLeft.epochTimed(0.3);
        timeLeft.epochTimed(0.3);
        assertThat(timeLeft.secondsLeft(0)).isCloseTo(8 * 0.3 * RunTimeLeft.WARMING_SHARE, within(1e-9));
        timeLeft.epochTimed(0.3);
        assertThat(timeLeft.secondsLeft(0)).as("from the third on, as they come").isCloseTo(7 * 0.3, within(1e-9));
    }

    @Test
    void aLongRunsTimeLeftIsWithinAQuarterFromTheSecondEpochOn() throws IOException {
        RecordedRun run = RecordedRun.read("200-epochs");
        assertThat(run.epochEnds()).hasSize(200);
        assertThat(run.worstErrorFrom(2)).isLessThanOrEqualTo(0.25);
    }
}
