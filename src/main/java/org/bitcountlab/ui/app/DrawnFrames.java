package org.bitcountlab.ui.app;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Scene;

import com.sun.javafx.perf.PerformanceTracker;

/**
 * When JavaFX's render thread has finished drawing a scene's frame: the moment its pixels reach
 * the window, where an {@code AnimationTimer} only says when the JavaFX thread began the frame
 * (under Xvfb, with JavaFX's software renderer, the first frame was drawn 0.3-0.4 s after that).
 * JavaFX tells its own performance tracker, an internal class the report borrows; it is reachable
 * where JavaFX runs from the classpath ({@code java -jar}, the app-image), and from the module path
 * ({@code mvn javafx:run}) only when {@code --add-exports javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED}
 * allows it. Where it is not, nothing is reported.
 */
final class DrawnFrames {

    private DrawnFrames() {
    }

    /**
     * Runs {@code action}, on the render thread, once the next frame of {@code scene} is drawn;
     * false where JavaFX's tracker is out of reach.
     */
    static boolean whenNextDrawn(Scene scene, Runnable action) {
        try {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            AtomicBoolean done = new AtomicBoolean();
            tracker.setOnRenderedFrameTask(() -> {
                if (done.compareAndSet(false, true)) {
                    action.run();
                }
            });
            return true;
        } catch (IllegalAccessError | RuntimeException e) {
            return false;
        }
    }

    /** Stops the tracking; the scene's pulses then run without it. Call on the JavaFX thread. */
    static void stop(Scene scene) {
        try {
            PerformanceTracker.releaseSceneTracker(scene);
        } catch (IllegalAccessError | RuntimeException e) {
            // never started
        }
    }
}
