package org.bitcountlab.core.training;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.PrefixTreeForward;

/**
 * The workspaces evaluations score in, kept from one evaluation to the next: a training run scores
 * its model twice an epoch, and made anew each time their arrays were most of what it allocated
 * (about 100 MB an epoch of the tutorial's settings). One per thread at work; any thread may take
 * and return one. Close it after the last evaluation: a workspace still in use then is left to the
 * garbage collector, which frees its native buffers too.
 */
public final class ScoringWorkspaces implements AutoCloseable {

    private final Queue<PrefixTreeForward.Workspace> idle = new ConcurrentLinkedQueue<>();

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
    }

    /** Workspaces waiting for the next evaluation; for tests. */
    int idle() {
        return idle.size();
    }

    @Override
    public void close() {
        for (PrefixTreeForward.Workspace workspace = idle.poll(); workspace != null; workspace = idle.poll()) {
            workspace.close();
        }
    }
}
