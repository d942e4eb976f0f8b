package org.bitcountlab.core.sweep;

import java.util.ArrayList;
import java.util.List;

import org.bitcountlab.core.model.LstmImplementation;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingListener;
import org.bitcountlab.core.training.TrainingRun;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * Trains every run of a {@link SweepPlan}, point by point, and sums each point up over its seeds.
 * Call {@link #run()} on a background thread and {@link #cancel()} from any thread: the run in
 * progress stops within a minibatch and the points already finished are kept.
 */
public final class Sweep {

    private final SweepPlan plan;
    private final SweepListener listener;
    private final TimeEstimate estimate;
    private volatile boolean cancelled;
    private volatile TrainingRun current;

    public Sweep(SweepPlan plan, SweepListener listener) {
        this.plan = plan.validated();
        this.listener = listener;
        this.estimate = new TimeEstimate(plan);
    }

    public SweepPlan plan() {
        return plan;
    }

    public void cancel() {
        cancelled = true;
        TrainingRun run = current;
        if (run != null) {
            run.cancel();
        }
    }

    public SweepResult run() {
        List<SweepPoint> points = new ArrayList<>();
        int runNumber = 0;
        for (int value : plan.values()) {
            List<SeedRun> runs = new ArrayList<>();
            for (int seedIndex = 0; seedIndex < plan.seeds(); seedIndex++) {
                runNumber++;
                SeedRun finished = train(runNumber, value, plan.settings(value, seedIndex));
                if (finished == null) {
                    return new SweepResult(plan, points, false);
                }
                runs.add(finished);
            }
            SweepPoint point = new SweepPoint(value, runs);
            points.add(point);
            listener.pointFinished(point);
        }
        return new SweepResult(plan, points, true);
    }

    /** One run; null if the sweep was stopped before or during it. */
    private SeedRun train(int runNumber, int value, TrainingSettings settings) {
        if (cancelled) {
            return null;
        }
        long start = System.nanoTime();
        listener.runStarted(progress(runNumber, value, settings, 0));
        TrainingRun run = new TrainingRun(settings, new TrainingListener() {
            private long lastEpochEnd = start;

            @Override
            public void epochEnded(EpochResult result, ParameterSnapshot parameters) {
                long now = System.nanoTime();
                estimate.epochTimed(settings, (now - lastEpochEnd) / 1e9);
                lastEpochEnd = now;
                listener.epochEnded(progress(runNumber, value, settings, result.epoch()), result);
            }
        }, LstmImplementation.FUSED);
        current = run;
        if (cancelled) { // cancel() may have stopped the previous run instead of this one
            return null;
        }
        RunResult result = run.run();
        current = null;
        if (result.outcome() == RunOutcome.CANCELLED) {
            return null;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        listener.runFinished(progress(runNumber, value, settings, result.curve().size()), result, seconds);
        return new SeedRun(settings.seed(), result.outcome(), FinalFigure.trainingError(result.curve()),
                FinalFigure.heldOutError(result.curve()), result.curve().size(), seconds);
    }

    private SweepProgress progress(int runNumber, int value, TrainingSettings settings, int epoch) {
        return new SweepProgress(runNumber, plan.runs(), value, settings.seed(), epoch, settings.epochs(),
                estimate.secondsLeft(runNumber, epoch));
    }
}
