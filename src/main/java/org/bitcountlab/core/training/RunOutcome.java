package org.bitcountlab.core.training;

import java.util.Locale;

/** How a training run ended. */
public enum RunOutcome {
    COMPLETED,
    CANCELLED,
    /** The loss became non-finite, or stayed above an untrained network's: the steps threw it about. */
    DIVERGED,
    /** It ran to the end but predicts no better than the count's prior distribution: it learned nothing. */
    DID_NOT_LEARN;

    /** The outcome as scripts read it: lower case, words joined by hyphens ("did-not-learn"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
