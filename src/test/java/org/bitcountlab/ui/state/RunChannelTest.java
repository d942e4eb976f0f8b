package org.bitcountlab.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.junit.jupiter.api.Test;

/** What a run delivers is taken whole: a pause never arrives before the epoch it follows. */
class RunChannelTest {

    private static final int EPOCHS = 20_000;

    /**
     * The training thread finishes each epoch with a pause asked for (Step), as the run does, and
     * waits to be resumed; the FX thread's side takes in a tight loop, as every frame does. Each
     * time it sees the pause, it must already have taken that epoch: the status says "Paused at
     * epoch N" with the N it counted.
     */
    @Test
    void aPauseIsNeverTakenBeforeTheEpochItFollows() throws Exception {
        RunChannel channel = new RunChannel(1, TrainingSettings.fast(), 0, result -> { });
        Semaphore resumed = new Semaphore(0);
        AtomicReference<Throwable> trainerFailed = new AtomicReference<>();
        Thread trainer = new Thread(() -> {
            try {
                for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                    channel.pauseAfterThisEpoch();
                    channel.epochEnded(new EpochResult(epoch, 0.1, 1.0, 0.01), null);
                    if (!resumed.tryAcquire(10, TimeUnit.SECONDS)) {
                        throw new AssertionError("not resumed after epoch " + epoch);
                    }
                }
            } catch (Throwable e) {
                trainerFailed.set(e);
            }
        }, "trainer");
        trainer.start();

        int taken = 0;
        int pauses = 0;
        while (pauses < EPOCHS && trainerFailed.get() == null) {
            RunChannel.Finished finished = channel.takeEpochs();
            taken += finished.epochs().size();
            if (finished.paused()) {
                pauses++;
                assertThat(taken).as("epochs taken when pause %d was seen", pauses).isEqualTo(pauses);
                resumed.release();
            }
        }
        trainer.join();
        assertThat(trainerFailed.get()).isNull();
        assertThat(taken).isEqualTo(EPOCHS);
    }
}
