package org.bitcountlab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
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

/** The report learns when a frame has been drawn, from the render thread, once. */
@ExtendWith(ApplicationExtension.class)
class DrawnFramesTest {

    private Scene scene;
    private Label label;
    // keeps JavaFX drawing frames: the label's text changes in every one
    private final AnimationTimer changes = new AnimationTimer() {
        @Override
        public void handle(long now) {
            label.setText(Long.toString(now));
        }
    };

    @Start
    void start(Stage stage) {
        label = new Label("window");
        scene = new Scene(label, 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            changes.stop();
            DrawnFrames.stop(scene);
        });
    }

    @Test
    void theActionRunsOnTheRenderThreadOnceAFrameIsDrawn(FxRobot robot) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicReference<Boolean> tracked = new AtomicReference<>();
        robot.interact(() -> {
            tracked.set(DrawnFrames.whenNextDrawn(scene, () -> {
                thread.set(Thread.currentThread().getName());
                runs.incrementAndGet();
            }));
            changes.start();
        });
        assertThat(tracked.get()).as("JavaFX's tracker is reachable from the classpath").isTrue();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.get() == 1);
        assertThat(thread.get()).startsWith("QuantumRenderer");

        AtomicInteger frames = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        robot.interact(counter::start);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> frames.get() >= 10);
        robot.interact(counter::stop);
        assertThat(runs.get()).as("only the first frame drawn runs it").isEqualTo(1);
    }
}
