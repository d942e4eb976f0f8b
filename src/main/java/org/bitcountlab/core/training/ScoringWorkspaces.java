package org.bitcountlab.core.training;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.PrefixTreeForward;

/**
 * The workspaces evaluations score in, kept from one evaluation to the next: a training run scores
 * its model twice an epoch, and workspaces made anew each time were most of what it allocated. One
 * per thread at work; any thread may take and return one. A workspace returned after {@link #close()}
 * (by a thread still scoring when an evaluation failed) is closed then.
 */
public final class ScoringWorkspaces implements AutoCloseable {

    private final Queue<PrefixTreeForward.Workspace> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** A workspace for {@code count} strings of a model like {@code parameters}; one that does not fit is closed. */
    PrefixTreeForward.Workspace take(ParameterSnapshot parameters, int count) {
        for (PrefixTreeForward.Workspace workspace = idle.poll(); workspace != null; workspace = idle.poll()) {
            if (workspace.fits(parameters, count)) {
                return workspace;
            }
            workspace.close();
        }
        return new PrefixTreeForward.Workspace(parameters, count);
    }

    void give(PrefixTreeForward.Workspace workspace) {
        idle.add(workspace);
        if (closed) {
            close();
        }
    }

    /** Workspaces waiting for the next evaluation; for tests. */
    int idle() {
        return idle.size();
    }

    @Override
    public void close() {
        closed = true;
        for (PrefixTreeForward.Workspace workspace = idle.poll(); workspace != null; workspace = idle.poll()) {
            workspace.close();
        }
    }
}
