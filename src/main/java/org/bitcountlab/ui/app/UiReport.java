package org.bitcountlab.ui.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.ui.state.CurrentString;

/**
 * A report mode for the desktop app ({@code -Dbitcount.uiReport=true}): it measures how long after
 * the JVM started the window began its first frame and when that frame was drawn, trains the
 * current settings, measures the longest gap between two frames while training (the longest the
 * FX thread was blocked, as a person at the window would feel it) and prints them, then quits.
 */
final class UiReport {

    static final String PROPERTY = "bitcount.uiReport";
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    /** Milliseconds after the JVM started at which start-up reached each stage, in order. */
    private static final Map<String, Long> STAGES = Collections.synchronizedMap(new LinkedHashMap<>());

    private final ViewModels viewModels;
    private final Stage stage;
    private long firstFrameNanos;
    private double firstFrameMillis;
    /** When the first frame's pixels were drawn; -1 until then, and where it cannot be known. */
    private volatile long firstDrawnMillis = -1;
    private boolean drawnReported;
    private long lastFrameNanos;
    private long longestGapNanos;
    private long frames;
    private volatile boolean trainingStarted;
    private volatile long lastFrameSeen = System.nanoTime();
    private volatile String stalledIn;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long trainingStartNanos;
    private long[] cpuAtTrainingStart;
    private long renderThread = -1;
    private int toggles;
    private int togglesAnsweredAtOnce;
    private long slowestToggleNanos;

    UiReport(ViewModels viewModels, Stage stage) {
        this.viewModels = viewModels;
        this.stage = stage;
    }

    /** Notes that start-up reached a stage; costs nothing when no report is asked for. */
    static void mark(String stage) {
        if (requested()) {
            STAGES.put(stage, System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        }
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * As a student would during training: flips a bit (and back, the next time) and checks that
     * the softmax the chart shows is the new string's before this frame is drawn.
     */
    private void toggleABit() {
        CurrentString string = viewModels.lab().string();
        Prediction before = string.predictionProperty().get();
        long start = System.nanoTime();
        string.flip(7); // the next toggle flips it back
        long took = System.nanoTime() - start;
        toggles++;
        Prediction after = viewModels.bits().predictionProperty().get();
        if (after != null && after != before && after.value() == string.valueProperty().get()) {
            togglesAnsweredAtOnce++;
        }
        slowestToggleNanos = Math.max(slowestToggleNanos, took);
    }

    /** Notes where the FX thread is when it has not drawn a frame for 40 ms, for the gap report. */
    private void watchTheFxThread(Thread fxThread) {
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
                if (trainingStarted && stalledIn == null && System.nanoTime() - lastFrameSeen > 40_000_000L) {
                    stalledIn = Arrays.stream(fxThread.getStackTrace()).limit(12).map(StackTraceElement::toString)
                            .collect(Collectors.joining(" < "));
                }
            }
        }, "ui-report-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * JavaFX's render thread ({@code QuantumRenderer-0}, which rasterises the frames), looked up
     * once at the first frame, not when training starts: listing the threads stops them all, which
     * would itself stall a frame that is timed.
     */
    private static long renderThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** CPU nanoseconds used so far by the JavaFX thread (the caller) and the render thread; -1 where unknown. */
    private long[] windowThreadsCpu() {
        long render = renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread);
        return new long[] {threads.getCurrentThreadCpuTime(), render};
    }

    /** The share of the wall-clock time since training started that each window thread ran; -1 where unknown. */
    private double[] busySinceTrainingStarted() {
        long[] now = windowThreadsCpu();
        double elapsed = System.nanoTime() - trainingStartNanos;
        double[] busy = new double[now.length];
        for (int i = 0; i < now.length; i++) {
            busy[i] = now[i] < 0 || cpuAtTrainingStart[i] < 0 ? -1 : (now[i] - cpuAtTrainingStart[i]) / elapsed;
        }
        return busy;
    }

    /** Processor time the whole JVM has used (the JIT compiler's threads included); -1 where unknown. */
    private static double processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e6 : -1;
    }

    /** "main 310 ms, toolkit 820 ms, ...": how long after the JVM started each stage was reached. */
    private static String stages() {
        StringBuilder text = new StringBuilder();
        synchronized (STAGES) {
            STAGES.forEach((stage, millis) -> text.append(text.length() == 0 ? "" : ", ").append(stage).append(' ')
                    .append(millis).append(" ms"));
        }
        return text.toString();
    }

    void start() {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        watchTheFxThread(Thread.currentThread());
        boolean drawnKnown = DrawnFrames.whenNextDrawn(stage.getScene(),
                () -> firstDrawnMillis = System.currentTimeMillis() - jvmStartMillis);
        drawnReported = !drawnKnown;
        if (!drawnKnown) {
            System.out.println("first frame drawn: not known here (JavaFX's tracker is closed to the app; with JavaFX on"
                    + " the module path, add --add-exports=javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED)");
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (firstFrameNanos == 0) {
                    firstFrameNanos = now;
                    firstFrameMillis = System.currentTimeMillis() - jvmStartMillis;
                    renderThread = renderThreadId();
                    windowThreadsCpu(); // its first call loads code; not while frames are timed
                    System.out.printf(Locale.ROOT, "first frame %.0f ms after the JVM started (%s; the JavaFX thread ran"
                            + " %.0f ms of it, all threads together %.0f ms)%n", firstFrameMillis, stages(),
                            threads.getCurrentThreadCpuTime() / 1e6, processCpuMillis());
                }
                if (!drawnReported && firstDrawnMillis >= 0) {
                    drawnReported = true;
                    DrawnFrames.stop(stage.getScene());
                    System.out.printf(Locale.ROOT, "first frame drawn %d ms after the JVM started%n", firstDrawnMillis);
                }
                if (!trainingStarted && now - firstFrameNanos > WARM_UP_NANOS) {
                    // as a person would: press Train once the window has settled
                    viewModels.training().train();
                    trainingStarted = true;
                    trainingStartNanos = System.nanoTime();
                    cpuAtTrainingStart = windowThreadsCpu();
                    lastFrameNanos = now;
                    return;
                }
                if (trainingStarted && viewModels.training().runningProperty().get()) {
                    if (now - lastFrameNanos > 50_000_000L) {
                        System.err.printf(Locale.ROOT, "gap %.0f ms at %.2f s, epoch %d; the FX thread was in %s%n",
                                (now - lastFrameNanos) / 1e6, (now - firstFrameNanos) / 1e9,
                                viewModels.lab().run().curve().size(), stalledIn == null ? "no stack seen" : stalledIn);
                    }
                    longestGapNanos = Math.max(longestGapNanos, now - lastFrameNanos);
                    frames++;
                    if (frames % 30 == 0) {
                        toggleABit();
                    }
                }
                lastFrameNanos = now;
                lastFrameSeen = System.nanoTime();
                stalledIn = null;
                if (trainingStarted && !viewModels.training().runningProperty().get()) {
                    stop();
                    System.out.printf(Locale.ROOT, "%s; %d frames during training, longest gap between frames %.1f ms%n",
                            viewModels.status().messageProperty().get().text(), frames, longestGapNanos / 1e6);
                    System.out.printf(Locale.ROOT, "%d bit toggles while training, %d answered in the frame they were made in,"
                            + " the slowest in %.2f ms%n", toggles, togglesAnsweredAtOnce, slowestToggleNanos / 1e6);
                    double[] busy = busySinceTrainingStarted();
                    System.out.printf(Locale.ROOT, "while training, the JavaFX thread was busy %.0f%% of the time and the"
                            + " render thread %.0f%%%n", 100 * busy[0], 100 * busy[1]);
                    System.out.printf(Locale.ROOT, "{\"firstFrameMs\":%.0f,\"firstFrameDrawnMs\":%d,\"framesWhileTraining\":%d,"
                            + "\"longestFrameGapMs\":%.1f,"
                            + "\"bitToggles\":%d,\"togglesAnsweredInTheSameFrame\":%d,\"slowestToggleMs\":%.2f,"
                            + "\"fxThreadBusy\":%.3f,\"renderThreadBusy\":%.3f}%n",
                            firstFrameMillis, firstDrawnMillis, frames, longestGapNanos / 1e6, toggles, togglesAnsweredAtOnce,
                            slowestToggleNanos / 1e6, busy[0], busy[1]);
                    Platform.exit();
                }
            }
        }.start();
    }
}
