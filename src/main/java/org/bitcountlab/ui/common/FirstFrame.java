package org.bitcountlab.ui.common;

import java.util.function.BooleanSupplier;

import javafx.animation.AnimationTimer;

/**
 * Work that waits until the window has begun its first frame. On two cores, the background loads
 * the app starts with (the pretrained model, ND4J's natives) delayed that frame when they began
 * beside it, even at a lower priority: their class loading and the code the JIT compiled for them
 * came first.
 */
public final class FirstFrame {

    private FirstFrame() {
    }

    /**
     * Runs {@code action} once on the FX thread, in the frame after the next one JavaFX begins.
     * The render thread may still be drawing that first frame then (with the software renderer,
     * for about 0.3 s); the work queued here runs at a lower priority, so it does not delay that
     * drawing, and waiting for it to end would only start the work later.
     * Call on the FX thread.
     */
    public static void then(Runnable action) {
        eachFrameAfter(() -> {
            action.run();
            return false;
        });
    }

    /**
     * Runs {@code step} on the FX thread once per frame, from the frame {@link #then} would run
     * in, for as long as it returns {@code true}: work split into pieces of one frame each.
     * Call on the FX thread.
     */
    public static void eachFrameAfter(BooleanSupplier step) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return; // the first frame is the window itself
                }
                boolean done = true; // also when the step throws: it would throw again every frame
                try {
                    done = !step.getAsBoolean();
                } finally {
                    if (done) {
                        stop();
                    }
                }
            }
        }.start();
    }
}
