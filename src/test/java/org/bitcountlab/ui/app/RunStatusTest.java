package org.bitcountlab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.ThreadedTaskExecutor;
import org.junit.jupiter.api.Test;

/**
 * The status line and the progress line count the same epochs, frame after frame, through Step,
 * Pause and Resume at any moment and Stop; and nothing counts down while the run is paused.
 */
class RunStatusTest {

    private final ThreadedTaskExecutor tasks = new ThreadedTaskExecutor();
    private final Lab lab = new Lab(tasks);
    private final ViewModels viewModels = new ViewModels(lab);

    @Test
    void statusAndProgressAgreeThroughManyStepsPausesAndResumes() {
        viewModels.settings().trainSize().textProperty().set("600");
        viewModels.settings().batch().textProperty().set("20");
        viewModels.settings().epochs().textProperty().set("1000");
        SplittableRandom random = new SplittableRandom(7);
        int pausesChecked = 0;
        for (int cycle = 0; cycle < 60; cycle++) {
            if (cycle % 2 == 0) {
                viewModels.training().step(); // one epoch, then it pauses by itself
            } else {
                viewModels.training().togglePause(); // resume ...
                // ... frames for a while (how long changes only where in an epoch the pause lands) ...
                long until = System.nanoTime() + random.nextLong(1_000_000, 300_000_000);
                while (System.nanoTime() < until) {
                    frameAndCheck();
                }
                viewModels.training().togglePause(); // ... and pause anywhere in an epoch, or its evaluation
            }
            waitFor(() -> lab.run().getState() == CurrentRun.State.PAUSED);
            for (int frame = 0; frame < 20; frame++) { // an epoch that ended just after the pause arrives now
                frameAndCheck();
                assertThat(lab.run().secondsLeftProperty().get()).as("no countdown while paused").isEqualTo(-1);
            }
            pausesChecked++;
        }
        viewModels.training().stop();
        waitFor(() -> lab.run().getState() == CurrentRun.State.FINISHED);
        frameAndCheck();
        assertThat(pausesChecked).isEqualTo(60);
        assertThat(lab.status().messageProperty().get().key()).isEqualTo("status.stopped");
        assertThat(lab.status().messageProperty().get().arguments()[0]).isEqualTo(lab.run().curve().size());
    }

    /** One frame, then the two lines say the same number of epochs. */
    private void frameAndCheck() {
        tasks.tick();
        Message status = lab.status().messageProperty().get();
        Message progress = viewModels.training().progressTextProperty().get();
        if (status.key().equals("status.training") || status.key().equals("status.paused")) {
            assertThat(status.arguments()[0]).as("%s against %s", status, progress).isEqualTo(progress.arguments()[0]);
        }
        assertThat(progress.arguments()[0]).isEqualTo(lab.run().curve().size());
    }

    private void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute").isLessThan(deadline);
            frameAndCheck();
            Thread.onSpinWait();
        }
    }
}
