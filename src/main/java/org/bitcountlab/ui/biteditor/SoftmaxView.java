package org.bitcountlab.ui.biteditor;

import javafx.fxml.FXML;

import org.bitcountlab.ui.common.ViewScope;

/** The softmax over the counts for the string in the bit editor. */
public final class SoftmaxView {

    @FXML private SoftmaxChart softmaxChart;

    private final BitEditorViewModel viewModel;
    private final ViewScope scope;

    public SoftmaxView(BitEditorViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        scope.follow(viewModel.predictionProperty(), (obs, old, now) -> softmaxChart.show(now));
    }
}
