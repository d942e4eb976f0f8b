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
    private final Queue<EpochResult> epochs = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ParameterSnapshot> parameters = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean pauseAfterEpoch = new AtomicBoolean();
    private final AtomicBoolean pausedAfterEpoch = new AtomicBoolean();
    private volatile long startedNanos;
    // FX thread only: time spent paused, so the ETA counts only time spent training
    private long pausedNanos;
    private long pausedSince;

    RunChannel(long modelId, TrainingSettings settings, int sweep, Consumer<RunResult> whenDone) {
        this.modelId = modelId;
        this.sweep = sweep;
        this.whenDone = whenDone;
        this.run = new TrainingRun(settings, this);
    }

    @Override
    public void started(TrainingSettings settings) {
        startedNanos = System.nanoTime();
        started.set(true);
    }

    @Override
    public void epochEnded(EpochResult result, ParameterSnapshot snapshot) {
        parameters.set(snapshot);
        epochs.add(result);
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
        for (EpochResult result; (result = epochs.poll()) != null; ) {
            taken.add(result);
        }
        return new Finished(taken, paused);
    }

    void pausedAt(long nanos) {
        pausedSince = nanos;
    }

    void resumedAt(long nanos) {
        if (pausedSince != 0) {
            pausedNanos += nanos - pausedSince;
            pausedSince = 0;
        }
    }

    /**
     * Seconds left, from the time the finished epochs took (data and natives loaded, pauses
     * excluded), or -1 before the first epoch.
     */
    double secondsLeft(int done, int total, long now) {
        if (done == 0 || startedNanos == 0) {
            return -1;
        }
        long paused = pausedNanos + (pausedSince != 0 ? now - pausedSince : 0);
        double perEpoch = (now - startedNanos - paused) / 1e9 / done;
        return perEpoch * (total - done);
    }
}
