package org.bitcountlab.ui.biteditor;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/** The bits (twenty, or as many as the class asks), the presets for them and the answer in large type. */
public final class BitEditorView {

    @FXML private BitEditor bitEditor;
    @FXML private Label trueCountLabel;
    @FXML private Label predictedLabel;
    @FXML private Label modelLabel;
    @FXML private Label tutorialLabel;
    @FXML private Label bitsTitle;
    @FXML private Label lengthLabel;
    @FXML private Button shorterButton;
    @FXML private Button longerButton;

    private final BitEditorViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;

    public BitEditorView(BitEditorViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        bitEditor.lengthProperty().bind(viewModel.lengthProperty());
        bitEditor.valueProperty().bindBidirectional(viewModel.valueProperty());
        scope.follow(viewModel.lengthTextProperty(), (obs, old, now) -> lengthLabel.setText(now.text()));
        // never greyed out at 1 or 30 bits (the string just stays): a greyed button gives its focus to the
        // next control, where the next key press of a teacher holding Space would flip a bit
        shorterButton.setTooltip(new Tooltip(Messages.get("bits.shorter.tooltip")));
        longerButton.setTooltip(new Tooltip(Messages.get("bits.longer.tooltip")));
        scope.follow(viewModel.trueCountProperty(), (obs, old, now) -> trueCountLabel.setText(now.text()));
        scope.follow(viewModel.modelDescriptionProperty(), (obs, old, now) -> modelLabel.setText(now.text()));
        scope.follow(viewModel.tutorialAnswerProperty(), (obs, old, now) -> tutorialLabel.setText(now == null ? "" : now.text()));
        // a line takes room only when it says something; the class knows the bits without their title
        tutorialLabel.managedProperty().bind(tutorialLabel.textProperty().isNotEmpty());
        bitsTitle.visibleProperty().bind(presentation.onProperty().not());
        bitsTitle.managedProperty().bind(bitsTitle.visibleProperty());
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

    @FXML
    private void shorter() {
        viewModel.shorter();
    }

    @FXML
    private void longer() {
        viewModel.longer();
    }
}
