package org.bitcountlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The background loads wait until the window has begun its first frame, and start once; work split
 * into frames (the tabs not shown) takes one piece per frame and stops when it says it is done.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {

    private final FrameCounter frameCounter = new FrameCounter();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("window"), 200, 100));
        stage.show();
        frameCounter.start();
    }

    @AfterEach
    void stopCounting(FxRobot robot) {
        robot.interact(frameCounter::stop);
    }

    @Test
    void theActionRunsOnceAfterTheFirstFrameHasBegun(FxRobot robot) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicLong framesWhenAsked = new AtomicLong();
        AtomicLong framesWhenRun = new AtomicLong();
        AtomicInteger runsRightAway = new AtomicInteger(-1);
        robot.interact(() -> {
            framesWhenAsked.set(frameCounter.frames());
            FirstFrame.then(() -> {
                framesWhenRun.set(frameCounter.frames());
                runs.incrementAndGet();
            });
            runsRightAway.set(runs.get());
        });
        assertThat(runsRightAway.get()).isZero();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.get() == 1);
        // the counter, started first, counts each frame before the action's timer sees it: a
        // second frame had begun, so the first one had been begun and handed to the render thread
        assertThat(framesWhenRun.get()).isGreaterThanOrEqualTo(framesWhenAsked.get() + 2);

        long later = framesWhenRun.get() + 10;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> frameCounter.frames() >= later);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void workSplitIntoFramesTakesOnePiecePerFrameUntilItIsDone(FxRobot robot) throws Exception {
        AtomicLong framesWhenAsked = new AtomicLong();
        List<Long> framesOfEachPiece = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            framesWhenAsked.set(frameCounter.frames());
            FirstFrame.eachFrameAfter(() -> {
                framesOfEachPiece.add(frameCounter.frames());
                return framesOfEachPiece.size() < 4;
            });
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> framesOfEachPiece.size() == 4);
        assertThat(framesOfEachPiece.get(0)).isGreaterThanOrEqualTo(framesWhenAsked.get() + 2);
        assertThat(framesOfEachPiece).isSorted().doesNotHaveDuplicates();

        long later = framesOfEachPiece.get(3) + 10;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> frameCounter.frames() >= later);
        assertThat(framesOfEachPiece).hasSize(4);
    }
}
