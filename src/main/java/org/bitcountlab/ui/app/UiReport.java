package org.bitcountlab.ui.app;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentString;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * A report mode for the desktop app ({@code -Dbitcount.uiReport=true}): it measures how long after
 * the JVM started the window began its first frame and when that frame was drawn, trains the
 * current settings, measures the longest gap between two frames while training (the longest the
 * FX thread was blocked, as a person at the window would feel it) and prints them, then quits.
 */
final class UiReport {

    static final String PROPERTY = "bitcount.uiReport";
    /** Epochs to train instead of the preset's, to time a longer run. */
    static final String EPOCHS_PROPERTY = "bitcount.uiReport.epochs";
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    /**
     * The wall-clock time ({@code System.currentTimeMillis()}) at which start-up reached each stage,
     * in order; made relative to the JVM's start only when printed, as asking the JVM when it started
     * loads its management code (40-80 ms on the main thread before JavaFX starts).
     */
    private static final Map<String, Long> STAGES = Collections.synchronizedMap(new LinkedHashMap<>());

    /** What the report reads from the JVM, made ready on a thread of its own ({@link #prepare}); null until then. */
    private static volatile ReportProbes probes;

    private final ViewModels viewModels;
    private final Stage stage;
    private long firstFrameNanos;
    private long firstFrameAt;
    private long fxCpuAtFirstFrame = -1;
    private double processCpuAtFirstFrame = -1;
    private boolean firstFrameReported;
    /** When the first frame's pixels were drawn ({@code System.currentTimeMillis()}); -1 until then, and where it cannot be known. */
    private volatile long firstDrawnAt = -1;
    private boolean drawnReported;
    private long lastFrameNanos;
    private long longestGapNanos;
    private long frames;
    private volatile boolean trainingStarted;
    private volatile long lastFrameSeen = System.nanoTime();
    private volatile String stalledIn;
    private long trainingStartNanos;
    private long[] cpuAtTrainingStart;
    private int toggles;
    private int togglesAnsweredAtOnce;
    private long slowestToggleNanos;
    /** At each epoch's end: seconds since Train, and the time left the window showed just after it. */
    private final java.util.List<double[]> timeLeftShown = new java.util.ArrayList<>();

    UiReport(ViewModels viewModels, Stage stage) {
        this.viewModels = viewModels;
        this.stage = stage;
    }

    /** Notes that start-up reached a stage; costs nothing when no report is asked for. */
    static void mark(String stage) {
        if (requested()) {
            STAGES.put(stage, System.currentTimeMillis());
        }
    }

    /**
     * Makes ready, in the background, what the report reads from the JVM. Call once JavaFX has
     * started (its render thread is looked up); costs nothing when no report is asked for.
     */
    static void prepare(TaskExecutor tasks) {
        if (requested()) {
            tasks.submit(new Message("task.uiReport"), job -> ReportProbes.take(), ready -> probes = ready,
                    error -> System.err.println("The UI report cannot read the JVM's threads: " + error));
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

    /**
     * Notes where the FX thread is when it has not drawn a frame for 40 ms, for the gap report. It
     * samples every 10 ms from a scheduler of its own: not on the FX thread, which it watches, and
     * not in the task service, whose jobs end (a job that never ends would keep the window busy).
     */
    private void watchTheFxThread(Thread fxThread) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "ui-report-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (trainingStarted && stalledIn == null && System.nanoTime() - lastFrameSeen > 40_000_000L) {
                stalledIn = Arrays.stream(fxThread.getStackTrace()).limit(12).map(StackTraceElement::toString)
                        .collect(Collectors.joining(" < "));
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
    }

    /**
     * Notes, a frame after each epoch is shown, the time left the window estimates then (it shows
     * it in whole seconds), made from what the epochs so far took.
     */
    private void watchTheTimeLeft() {
        viewModels.lab().run().curve().addListener((javafx.collections.ListChangeListener<Object>) change -> {
            int epochs = viewModels.lab().run().curve().size();
            double since = (System.nanoTime() - trainingStartNanos) / 1e9;
            Platform.runLater(() -> timeLeftShown.add(new double[] {epochs, since,
                    viewModels.lab().run().secondsLeftEstimate()}));
        });
    }

    /**
     * The largest share by which the time left shown after an epoch (from the second on) missed
     * the time the run then really took to end; 0 where none was shown.
     */
    private double worstTimeLeftError() {
        double end = (System.nanoTime() - trainingStartNanos) / 1e9;
        double worst = 0;
        for (double[] shown : timeLeftShown) {
            double actual = end - shown[1];
            System.out.printf(Locale.ROOT, "after epoch %.0f, %.2f s in: %.2f s left estimated, %.2f s left in truth%n",
                    shown[0], shown[1], shown[2], actual);
            if (shown[0] >= 2 && shown[2] >= 0 && actual > 1) {
                worst = Math.max(worst, Math.abs(shown[2] - actual) / actual);
            }
        }
        return worst;
    }

    /** CPU nanoseconds used so far by the JavaFX thread (the caller) and the render thread; -1 where unknown. */
    private long[] windowThreadsCpu() {
        ReportProbes ready = probes;
        return ready == null ? new long[] {-1, -1} : new long[] {ready.currentThreadCpu(), ready.renderCpu()};
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

    /** Milliseconds from the JVM's start to {@code at} (a {@code System.currentTimeMillis()}); -1 where either is unknown. */
    private static long sinceJvmStart(ReportProbes probes, long at) {
        return probes == null || at < 0 ? -1 : probes.sinceJvmStart(at);
    }

    /** "1545 ms", or "an unknown time" where the reading was not ready or not possible. */
    private static String millis(double millis) {
        return millis < 0 ? "an unknown time" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** "main 310 ms, toolkit 820 ms, ...": how long after the JVM started each stage was reached. */
    private static String stages(ReportProbes probes) {
        StringBuilder text = new StringBuilder();
        synchronized (STAGES) {
            STAGES.forEach((stage, millis) -> text.append(text.length() == 0 ? "" : ", ").append(stage).append(' ')
                    .append(probes.sinceJvmStart(millis)).append(" ms"));
        }
        return text.toString();
    }

    void start() {
        watchTheFxThread(Thread.currentThread());
        boolean drawnKnown = DrawnFrames.whenNextDrawn(stage.getScene(), () -> firstDrawnAt = System.currentTimeMillis());
        drawnReported = !drawnKnown;
        if (!drawnKnown) {
            System.out.println("first frame drawn: not known here (JavaFX's tracker is closed to the app; with JavaFX on"
                    + " the module path, add --add-exports=javafx.graphics/com.sun.javafx.perf=ALL-UNNAMED)");
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (firstFrameNanos == 0) {
                    // only the readings here: what they are printed with waits for a later frame
                    firstFrameNanos = now;
                    firstFrameAt = System.currentTimeMillis();
                    if (probes != null) {
                        fxCpuAtFirstFrame = probes.currentThreadCpu();
                        processCpuAtFirstFrame = ReportProbes.processCpuMillis();
                    }
                    return;
                }
                ReportProbes ready = probes;
                if (!firstFrameReported && ready != null) {
                    firstFrameReported = true;
                    System.out.printf(Locale.ROOT, "first frame %d ms after the JVM started (%s; the JavaFX thread ran"
                            + " %s of it, all threads together %s)%n", ready.sinceJvmStart(firstFrameAt), stages(ready),
                            millis(fxCpuAtFirstFrame / 1e6), millis(processCpuAtFirstFrame));
                }
                if (!drawnReported && firstDrawnAt >= 0 && ready != null) {
                    drawnReported = true;
                    DrawnFrames.stop(stage.getScene());
                    System.out.printf(Locale.ROOT, "first frame drawn %d ms after the JVM started%n", ready.sinceJvmStart(firstDrawnAt));
                }
                // as a person would: press Train once the window has settled, its start-up work done
                if (!trainingStarted && now - firstFrameNanos > WARM_UP_NANOS && viewModels.lab().tasks().isIdle()) {
                    Integer epochs = Integer.getInteger(EPOCHS_PROPERTY);
                    if (epochs != null) {
                        viewModels.settings().epochs().textProperty().set(Integer.toString(epochs));
                    }
                    viewModels.training().train();
                    trainingStarted = true;
                    watchTheTimeLeft();
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
                    double worst = worstTimeLeftError();
                    System.out.printf(Locale.ROOT, "time left from the second epoch on: within %.0f%% of the truth%n",
                            100 * worst);
                    System.out.printf(Locale.ROOT, "{\"runClockSeconds\":%.2f,\"worstTimeLeftError\":%.3f,",
                            (System.nanoTime() - trainingStartNanos) / 1e9, worst);
                    System.out.printf(Locale.ROOT, "\"firstFrameMs\":%d,\"firstFrameDrawnMs\":%d,\"framesWhileTraining\":%d,"
                            + "\"longestFrameGapMs\":%.1f,"
                            + "\"bitToggles\":%d,\"togglesAnsweredInTheSameFrame\":%d,\"slowestToggleMs\":%.2f,"
                            + "\"fxThreadBusy\":%.3f,\"renderThreadBusy\":%.3f}%n",
                            sinceJvmStart(ready, firstFrameAt), sinceJvmStart(ready, firstDrawnAt), frames, longestGapNanos / 1e6,
                            toggles, togglesAnsweredAtOnce,
                            slowestToggleNanos / 1e6, busy[0], busy[1]);
                    Platform.exit();
                }
            }
        }.start();
    }
}
