package org.bitcountlab.ui.lessons;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.Shortcut;
import org.bitcountlab.ui.common.ViewScope;

/** The card in front: its words for the class, its question, and the way through the lesson. */
public final class LessonsView {

    @FXML private HBox lessonPanel;
    @FXML private Label lessonTitle;
    @FXML private Label cardTitle;
    @FXML private Label sayLabel;
    @FXML private Label askLabel;
    @FXML private Label placeLabel;
    @FXML private Label showingLabel;
    @FXML private ProgressBar lessonProgress;
    @FXML private Button backButton;
    @FXML private Button showMeButton;
    @FXML private Button nextButton;

    private final LessonsViewModel viewModel;
    private final ViewScope scope;

    public LessonsView(LessonsViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        lessonPanel.visibleProperty().bind(viewModel.lessonProperty().isNotNull());
        lessonPanel.managedProperty().bind(lessonPanel.visibleProperty());
        backButton.disableProperty().bind(viewModel.canGoBackProperty().not());
        nextButton.disableProperty().bind(viewModel.canGoOnProperty().not());
        showingLabel.visibleProperty().bind(viewModel.showingProperty());
        backButton.setAccessibleHelp(Messages.get("lessons.back.tooltip", Shortcut.LESSON_BACK.display()));
        nextButton.setAccessibleHelp(Messages.get("lessons.next.tooltip", Shortcut.LESSON_NEXT.display()));
        showMeButton.setAccessibleHelp(Messages.get("lessons.showMe.tooltip", Shortcut.SHOW_ME.display()));
        scope.follow(viewModel.lessonProperty(), (obs, old, now) -> showCard());
        scope.follow(viewModel.cardProperty(), (obs, old, now) -> showCard());
        scope.follow(viewModel.showingProperty(), (obs, old, now) -> showMeButton.setDisable(
                now || viewModel.currentCard() == null || viewModel.currentCard().show().isEmpty()));
    }

    private void showCard() {
        Lesson lesson = viewModel.lessonProperty().get();
        LessonCard card = viewModel.currentCard();
        if (lesson == null || card == null) {
            return;
        }
        var language = Messages.language();
        int index = viewModel.cardProperty().get();
        int cards = lesson.cards().size();
        lessonTitle.setText(lesson.title().in(language));
        cardTitle.setText(card.title().in(language));
        sayLabel.setText(card.say().in(language));
        askLabel.setText(card.ask() == null ? "" : Messages.get("lessons.ask", card.ask().in(language)));
        askLabel.setVisible(card.ask() != null);
        askLabel.setManaged(card.ask() != null);
        placeLabel.setText(Messages.get("lessons.place", index + 1, cards));
        lessonProgress.setProgress((index + 1.0) / cards);
        showMeButton.setDisable(viewModel.showingProperty().get() || card.show().isEmpty());
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void showMe() {
        viewModel.showMe();
    }

    @FXML
    private void close() {
        viewModel.close();
    }
}
