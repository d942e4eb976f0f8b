package org.bitcountlab.ui.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.RunTimeLeft;
import org.bitcountlab.core.training.TrainingListener;
import org.bitcountlab.core.training.TrainingRun;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * What one run delivers to the window. Each run has its own channel, so a run that was stopped or
 * reset away can go on writing into its channel for as long as it likes: nobody reads it. The
 * training thread writes; the FX thread takes the newest figures at most once per frame.
 */
final class RunChannel implements TrainingListener {

    final long modelId;
    final int sweep;
    final Consumer<RunResult> whenDone;
    final TrainingRun run;
    private final Queue<TimedEpoch> epochs = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ParameterSnapshot> parameters = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean pauseAfterEpoch = new AtomicBoolean();
    private final AtomicBoolean pausedAfterEpoch = new AtomicBoolean();
    private volatile long startedNanos;
    // FX thread only: when the run was asked for, and the pauses since, so that its time by the
    // clock and the time it has left leave out the time it was paused
    private final long submittedNanos;
    private final List<long[]> pauses = new ArrayList<>();
    private long pausedSince;
    private final RunTimeLeft timeLeft;
    private long lastEpochEndedNanos;

    RunChannel(long modelId, TrainingSettings settings, int sweep, Consumer<RunResult> whenDone) {
        this.modelId = modelId;
        this.sweep = sweep;
        this.whenDone = whenDone;
        this.run = new TrainingRun(settings, this);
        this.timeLeft = new RunTimeLeft(settings.epochs());
        this.submittedNanos = System.nanoTime();
    }

    @Override
    public void started(TrainingSettings settings) {
        startedNanos = System.nanoTime();
        started.set(true);
    }

    @Override
    public void epochEnded(EpochResult result, ParameterSnapshot snapshot) {
        parameters.set(snapshot);
        epochs.add(new TimedEpoch(result, System.nanoTime()));
        if (pauseAfterEpoch.getAndSet(false)) {
            run.pause();
            pausedAfterEpoch.set(true);
        }
    }

    @Override
    public void parametersUpdated(ParameterSnapshot snapshot) {
        parameters.set(snapshot);
    }

    /** Asks the run to pause once the epoch in progress ends. */
    void pauseAfterThisEpoch() {
        pauseAfterEpoch.set(true);
    }

    boolean takeStarted() {
        return started.getAndSet(false);
    }


    ParameterSnapshot takeParameters() {
        return parameters.getAndSet(null);
    }

    /** An epoch, and when it ended ({@link System#nanoTime()}). */
    record TimedEpoch(EpochResult result, long endedNanos) {
    }

    /** The epochs finished since the last take, and whether the run has paused after one of them, as asked. */
    record Finished(List<EpochResult> epochs, boolean paused) {
    }

    /**
     * Takes the epochs finished since the last take. Whether the run paused is read first: the run
     * adds an epoch and only then says it paused after it, so a pause is never taken before its
     * epoch (read the other way round, a frame could take no epoch, then the pause, and show the
     * run paused an epoch early).
     */
    Finished takeEpochs() {
        boolean paused = pausedAfterEpoch.getAndSet(false);
        List<EpochResult> taken = new ArrayList<>();
        for (TimedEpoch epoch; (epoch = epochs.poll()) != null; ) {
            taken.add(epoch.result());
            // the first epoch is timed from the start of training, not from the click: loading the
            // data and the natives happens once, not every epoch
            long from = lastEpochEndedNanos != 0 ? lastEpochEndedNanos : startedNanos;
            timeLeft.epochTimed(runningSeconds(from, epoch.endedNanos()));
            lastEpochEndedNanos = epoch.endedNanos();
        }
        return new Finished(taken, paused);
    }

    void pausedAt(long nanos) {
        if (pausedSince == 0) {
            pausedSince = nanos;
        }
    }

    void resumedAt(long nanos) {
        if (pausedSince != 0) {
            pauses.add(new long[] {pausedSince, nanos});
            pausedSince = 0;
        }
    }

    boolean isPaused() {
        return pausedSince != 0;
    }

    /** Seconds by the clock from {@code from} to {@code to}, the time paused left out. */
    double runningSeconds(long from, long to) {
        long paused = 0;
        for (long[] pause : pauses) {
            paused += Math.max(0, Math.min(to, pause[1]) - Math.max(from, pause[0]));
        }
        if (pausedSince != 0) {
            paused += Math.max(0, to - Math.max(from, pausedSince));
        }
        return Math.max(0, to - from - paused) / 1e9;
    }

    /** The run's time by the clock so far, from the click that started it, pauses left out. */
    double clockSeconds(long now) {
        return runningSeconds(submittedNanos, now);
    }

    /** Seconds left by the clock, or -1 while unknown (before the first epoch) or paused (no countdown then). */
    double secondsLeft(long now) {
        if (isPaused() || timeLeft.epochsTimed() == 0) {
            return -1;
        }
        return timeLeft.secondsLeft(runningSeconds(lastEpochEndedNanos, now));
    }
}
