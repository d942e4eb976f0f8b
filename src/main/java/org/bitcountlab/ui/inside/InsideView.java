package org.bitcountlab.ui.inside;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;

import org.bitcountlab.ui.common.ViewScope;

/** The "inside the LSTM" tab. */
public final class InsideView {

    @FXML private CheckBox cellStateCheck;
    @FXML private StepView stepView;

    private final InsideViewModel viewModel;
    private final ViewScope scope;

    public InsideView(InsideViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        cellStateCheck.selectedProperty().bindBidirectional(viewModel.showCellProperty());
        stepView.showCellProperty().bind(viewModel.showCellProperty());
        scope.follow(viewModel.traceProperty(), (obs, old, now) -> stepView.show(now));
    }
}
