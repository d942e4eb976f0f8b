package org.bitcountlab.core.training;

/** How a training run ended. */
public enum RunOutcome {
    COMPLETED,
    CANCELLED,
    DIVERGED
}
