package org.bitcountlab.ui.runs;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcountlab.core.sweep.Sweep;
import org.bitcountlab.core.sweep.SweepListener;
import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.core.sweep.SweepProgress;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * What one sweep delivers to the window, and the sweep's identity: the receiver takes a delivery
 * only while its channel is the current one, so a sweep that was reset away may go on talking
 * into its channel without reaching the chart. Progress is coalesced: however many epochs end,
 * at most one runnable waits on the FX thread, and it shows the newest figures. Points are few
 * and each is delivered.
 */
final class SweepChannel implements SweepListener {

    /** The FX-thread side: called only with deliveries of this channel. */
    interface Receiver {
        void progressed(SweepChannel from, SweepProgress progress);

        void pointFinished(SweepChannel from, SweepPoint point);

        void runFinished(SweepChannel from, RunResult result, double clockSeconds);
    }

    final Sweep sweep;
    private final Receiver receiver;
    private final List<SweepListener> observers;
    private final TaskExecutor window;
    private final AtomicReference<SweepProgress> latest = new AtomicReference<>();
    private final AtomicBoolean progressPending = new AtomicBoolean();

    /**
     * @param observers also hear the sweep, on its own thread
     * @param window    delivers to the receiver on the window's thread
     */
    SweepChannel(SweepPlan plan, Receiver receiver, List<SweepListener> observers, TaskExecutor window) {
        this.window = window;
        this.sweep = new Sweep(plan, this);
        this.receiver = receiver;
        this.observers = List.copyOf(observers);
    }

    @Override
    public void runStarted(SweepProgress progress) {
        publish(progress);
        observers.forEach(o -> o.runStarted(progress));
    }

    @Override
    public void epochEnded(SweepProgress progress, EpochResult result) {
        publish(progress);
        observers.forEach(o -> o.epochEnded(progress, result));
    }

    @Override
    public void runFinished(SweepProgress progress, RunResult result, double clockSeconds) {
        window.deliver(() -> receiver.runFinished(this, result, clockSeconds));
        observers.forEach(o -> o.runFinished(progress, result, clockSeconds));
    }

    @Override
    public void pointFinished(SweepPoint point) {
        window.deliver(() -> receiver.pointFinished(this, point));
        observers.forEach(o -> o.pointFinished(point));
    }

    private void publish(SweepProgress progress) {
        latest.set(progress);
        if (progressPending.compareAndSet(false, true)) {
            window.deliver(() -> {
                progressPending.set(false);
                receiver.progressed(this, latest.get());
            });
        }
    }
}
