package org.bitcountlab.ui.failures;

import javafx.fxml.FXML;
import javafx.scene.control.Button;

import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.CurrentString;

/** The "where it fails" tab: error by true count, the confusion matrix and other lengths. */
public final class FailuresView {

    @FXML private ErrorByCountChart errorByCountChart;
    @FXML private ConfusionView confusionView;
    @FXML private Button lengthsButton;
    @FXML private LengthChart lengthChart;

    private final FailuresViewModel viewModel;
    private final ViewScope scope;

    public FailuresView(FailuresViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        scope.follow(viewModel.failuresProperty(), (obs, old, now) -> {
            errorByCountChart.show(now == null ? null : now.evaluation(), viewModel.measuredOnProperty().get());
            confusionView.show(now == null ? null : now.evaluation());
        });
        lengthsButton.disableProperty().bind(viewModel.measuringLengthsProperty());
        scope.follow(viewModel.lengthsProperty(), (obs, old, now) -> lengthChart.show(now, CurrentString.LENGTH));
    }

    @FXML
    private void tryOtherLengths() {
        viewModel.tryOtherLengths();
    }
}
