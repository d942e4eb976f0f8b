package org.bitcountlab.ui.training;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.Shortcut;
import org.bitcountlab.ui.common.TextWidth;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/** The training controls: buttons, progress bar, epochs done and time left. */
public final class TrainingView {

    @FXML private Button trainButton;
    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button resetButton;
    @FXML private Button evaluateAllButton;
    @FXML private ProgressBar trainingProgress;
    @FXML private ProgressBar evaluationProgress;
    @FXML private Label progressLabel;
    @FXML private Label etaLabel;

    private final TrainingViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;

    public TrainingView(TrainingViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        trainButton.setAccessibleHelp(Messages.get("training.train.tooltip", Shortcut.TRAIN_OR_PAUSE.display()));
        pauseButton.setAccessibleHelp(Messages.get("training.pause.tooltip", Shortcut.TRAIN_OR_PAUSE.display()));
        stepButton.setAccessibleHelp(Messages.get("training.step.tooltip", Shortcut.STEP.display()));
        trainButton.disableProperty().bind(viewModel.canTrainProperty().not());
        // a new window starts with Train focused: Space is the first thing a teacher presses
        trainButton.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(trainButton::requestFocus);
            }
        });
        pauseButton.disableProperty().bind(viewModel.runningProperty().not());
        String pause = Messages.get("training.pause");
        String resume = Messages.get("training.resume");
        pauseButton.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then(resume).otherwise(pause));
        keepRoomFor(pauseButton, pause, resume);
        stepButton.disableProperty().bind(viewModel.canStepProperty().not());
        stopButton.disableProperty().bind(viewModel.runningProperty().not().and(viewModel.evaluatingProperty().not()));
        evaluateAllButton.disableProperty().bind(viewModel.canEvaluateProperty().not());
        evaluateAllButton.visibleProperty().bind(presentation.hides(Presentation.Part.EVALUATE).not());
        evaluateAllButton.managedProperty().bind(evaluateAllButton.visibleProperty());
        trainingProgress.progressProperty().bind(viewModel.progressProperty());
        evaluationProgress.progressProperty().bind(viewModel.evaluationProgressProperty());
        evaluationProgress.visibleProperty().bind(viewModel.evaluatingProperty());
        evaluationProgress.managedProperty().bind(viewModel.evaluatingProperty());
        scope.follow(viewModel.progressTextProperty(), (obs, old, now) -> progressLabel.setText(now.text()));
        scope.follow(viewModel.timeLeftProperty(), (obs, old, now) -> etaLabel.setText(now == null ? "" : now.text()));
    }

    /**
     * Holds the button at least as wide as the widest of its texts, in whatever font it is given.
     * The buttons are tiles of the widest one's size: when Pause turned into the wider Resume, the
     * tiles grew, Stop moved to the next row, and a click aimed at it landed on Step.
     */
    private static void keepRoomFor(Button button, String... texts) {
        Runnable reserve = () -> {
            double widest = 0;
            for (String text : texts) {
                widest = Math.max(widest, TextWidth.of(button.getFont(), text));
            }
            Insets padding = button.getPadding();
            Insets labelPadding = button.getLabelPadding();
            button.setMinWidth(Math.ceil(widest + padding.getLeft() + padding.getRight()
                    + labelPadding.getLeft() + labelPadding.getRight()));
        };
        button.fontProperty().addListener((obs, old, font) -> reserve.run());
        button.paddingProperty().addListener((obs, old, padding) -> reserve.run());
        reserve.run();
    }

    @FXML
    private void train() {
        viewModel.train();
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void step() {
        viewModel.step();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    @FXML
    private void reset() {
        viewModel.reset();
    }

    @FXML
    private void evaluateAll() {
        viewModel.evaluateAll();
    }
}
