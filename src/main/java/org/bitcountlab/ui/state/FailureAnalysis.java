package org.bitcountlab.ui.state;

import org.bitcountlab.core.training.Evaluation;

/**
 * Where a model fails, measured on its held-out sample or on every test string.
 *
 * @param model the model measured; shown only while it is the current one
 */
public record FailureAnalysis(LabModel model, Evaluation evaluation, boolean allTestStrings) {
}
