package org.bitcountlab.ui.common;

import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;

/** Keeps JavaFX drawing frames while it runs, and counts them: for tests of what comes a frame later. */
final class FrameCounter extends AnimationTimer {

    private final AtomicLong frames = new AtomicLong();

    @Override
    public void handle(long now) {
        frames.incrementAndGet();
    }

    long frames() {
        return frames.get();
    }
}
