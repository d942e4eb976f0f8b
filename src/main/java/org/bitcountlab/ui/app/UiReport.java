package org.bitcountlab.ui.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * A report mode for the desktop app ({@code -Dbitcount.uiReport=true}): it measures how long after
 * the JVM started the window drew its first frame, trains the current settings, measures the
 * longest gap between two frames while training (the longest the FX thread was blocked, as a
 * person at the window would feel it) and prints both, then quits.
 */
final class UiReport {

    static final String PROPERTY = "bitcount.uiReport";
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private final ViewModels viewModels;
    private long firstFrameNanos;
    private double firstFrameMillis;
    private long lastFrameNanos;
    private long longestGapNanos;
    private long frames;
    private boolean trainingStarted;

    UiReport(ViewModels viewModels) {
        this.viewModels = viewModels;
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    void start() {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (firstFrameNanos == 0) {
                    firstFrameNanos = now;
                    firstFrameMillis = System.currentTimeMillis() - jvmStartMillis;
                    System.out.printf(Locale.ROOT, "first frame %.0f ms after the JVM started%n", firstFrameMillis);
                }
                if (!trainingStarted && now - firstFrameNanos > WARM_UP_NANOS) {
                    // as a person would: press Train once the window has settled
                    viewModels.training().train();
                    trainingStarted = true;
                    lastFrameNanos = now;
                    return;
                }
                if (trainingStarted && viewModels.training().runningProperty().get()) {
                    if (now - lastFrameNanos > 50_000_000L) {
                        System.err.printf(Locale.ROOT, "gap %.0f ms at %.2f s, epoch %d%n", (now - lastFrameNanos) / 1e6,
                                (now - firstFrameNanos) / 1e9, viewModels.lab().run().curve().size());
                    }
                    longestGapNanos = Math.max(longestGapNanos, now - lastFrameNanos);
                    frames++;
                }
                lastFrameNanos = now;
                if (trainingStarted && !viewModels.training().runningProperty().get()) {
                    stop();
                    System.out.printf(Locale.ROOT, "%s; %d frames during training, longest gap between frames %.1f ms%n",
                            viewModels.status().messageProperty().get().text(), frames, longestGapNanos / 1e6);
                    System.out.printf(Locale.ROOT, "{\"firstFrameMs\":%.0f,\"framesWhileTraining\":%d,\"longestFrameGapMs\":%.1f}%n",
                            firstFrameMillis, frames, longestGapNanos / 1e6);
                    Platform.exit();
                }
            }
        }.start();
    }
}
