package org.bitcountlab.ui.inside;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/** The "inside the LSTM" tab. */
public final class InsideView {

    @FXML private CheckBox cellStateCheck;
    @FXML private StepView stepView;
    @FXML private Label caption;

    private final InsideViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;

    public InsideView(InsideViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        cellStateCheck.selectedProperty().bindBidirectional(viewModel.showCellProperty());
        stepView.showCellProperty().bind(viewModel.showCellProperty());
        scope.follow(viewModel.traceProperty(), (obs, old, now) -> stepView.show(now, viewModel.readCountsProperty().get()));
        scope.listen(viewModel.readCountsProperty(), (obs, old, now) -> stepView.show(viewModel.traceProperty().get(), now));
        caption.textProperty().bind(Bindings.when(viewModel.showCellProperty())
                .then(Messages.get("steps.legend.cell")).otherwise(Messages.get("steps.legend")));
        stepView.textSizeProperty().bind(presentation.canvasTextSize());
    }
}
