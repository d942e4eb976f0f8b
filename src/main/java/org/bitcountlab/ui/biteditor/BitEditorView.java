package org.bitcountlab.ui.biteditor;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

import org.bitcountlab.ui.common.ViewScope;

/** The twenty bits, the presets for them and the answer in large type. */
public final class BitEditorView {

    @FXML private BitEditor bitEditor;
    @FXML private Label trueCountLabel;
    @FXML private Label predictedLabel;
    @FXML private Label modelLabel;
    @FXML private Label tutorialLabel;

    private final BitEditorViewModel viewModel;
    private final ViewScope scope;

    public BitEditorView(BitEditorViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        bitEditor.valueProperty().bindBidirectional(viewModel.valueProperty());
        scope.follow(viewModel.trueCountProperty(), (obs, old, now) -> trueCountLabel.setText(now.text()));
        scope.follow(viewModel.modelDescriptionProperty(), (obs, old, now) -> modelLabel.setText(now.text()));
        scope.follow(viewModel.tutorialAnswerProperty(), (obs, old, now) -> tutorialLabel.setText(now == null ? "" : now.text()));
        scope.follow(viewModel.answerProperty(), (obs, old, now) -> {
            predictedLabel.setText(now == null ? "" : now.text());
            predictedLabel.getStyleClass().removeAll("correct", "wrong");
            Boolean right = viewModel.answerIsRight();
            if (right != null) {
                predictedLabel.getStyleClass().add(right ? "correct" : "wrong");
            }
        });
    }

    @FXML
    private void allZero() {
        viewModel.allZero();
    }

    @FXML
    private void allOne() {
        viewModel.allOne();
    }

    @FXML
    private void randomBits() {
        viewModel.randomise();
    }

    @FXML
    private void tutorialExample() {
        viewModel.tutorialExample();
    }
}
