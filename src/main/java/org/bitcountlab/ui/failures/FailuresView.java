package org.bitcountlab.ui.failures;

import javafx.fxml.FXML;
import javafx.scene.control.Button;

import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.FocusInView;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/** The "where it fails" tab: error by true count, the confusion matrix and other lengths. */
public final class FailuresView {

    @FXML private ErrorByCountView errorByCountView;
    @FXML private ConfusionView confusionView;
    @FXML private Button lengthsButton;
    @FXML private LengthChart lengthChart;

    private final FailuresViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;

    public FailuresView(FailuresViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        scope.follow(viewModel.failuresProperty(), (obs, old, now) -> {
            errorByCountView.show(now == null ? null : now.evaluation(), viewModel.measuredOnProperty().get(),
                    now == null ? null : now.trainingStringsByCount());
            confusionView.show(now == null ? null : now.evaluation());
        });
        for (CanvasView view : new CanvasView[] {errorByCountView, confusionView}) {
            view.textSizeProperty().bind(presentation.canvasTextSize());
        }
        lengthsButton.disableProperty().bind(viewModel.measuringLengthsProperty());
        scope.follow(viewModel.lengthsProperty(), (obs, old, now) -> {
            showLengths();
            if (now != null) {
                // on a small screen, or under a lesson's card, the chart sits below the fold: a class
                // that pressed Try other lengths (or a lesson that did) must see the answer
                FocusInView.reveal(lengthChart);
            }
        });
    }

    private void showLengths() {
        FailuresViewModel.MeasuredLengths shown = viewModel.shownLengths();
        lengthChart.show(shown, shown == null ? null : viewModel.earlierProperty().get());
    }

    @FXML
    private void tryOtherLengths() {
        viewModel.tryOtherLengths();
    }
}
