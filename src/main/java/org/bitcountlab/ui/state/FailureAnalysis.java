package org.bitcountlab.ui.state;

import org.bitcountlab.core.training.Evaluation;

/**
 * Where a model fails, measured on its held-out sample or on every test string, beside how many of
 * its training strings had each count.
 *
 * @param model                   the model measured; shown only while it is the current one
 * @param trainingStringsByCount  training strings with each count of ones, 0 to L
 */
public record FailureAnalysis(LabModel model, Evaluation evaluation, boolean allTestStrings,
        long[] trainingStringsByCount) {
}
