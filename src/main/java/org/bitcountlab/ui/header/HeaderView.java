package org.bitcountlab.ui.header;

import java.io.File;
import java.util.Locale;

import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.Shortcut;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.lessons.Lesson;
import org.bitcountlab.ui.lessons.LessonsViewModel;
import org.bitcountlab.ui.state.Presentation;

/** The header bar: title, language, Open and Save, what presentation mode hides, and the mode itself. */
public final class HeaderView {

    @FXML private ComboBox<Locale> languageChoice;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private MenuButton hideMenu;
    @FXML private MenuButton lessonsMenu;
    @FXML private ToggleButton presentationToggle;
    @FXML private HBox header;
    @FXML private Label titleLabel;
    @FXML private Label subtitleLabel;
    @FXML private FlowPane headerButtons;

    private final HeaderViewModel viewModel;
    private final LessonsViewModel lessons;
    private final ViewScope scope;

    public HeaderView(HeaderViewModel viewModel, LessonsViewModel lessons, ViewScope scope) {
        this.viewModel = viewModel;
        this.lessons = lessons;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        openButton.setAccessibleHelp(Messages.get("model.open.tooltip", Shortcut.OPEN.display()));
        saveButton.setAccessibleHelp(Messages.get("model.save.tooltip", Shortcut.SAVE.display()));
        presentationToggle.setAccessibleHelp(Messages.get("presentation.tooltip", Shortcut.PRESENTATION.display(),
                Shortcut.HELP.display()));
        languageChoice.getItems().setAll(Messages.LANGUAGES);
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        languageChoice.valueProperty().bindBidirectional(viewModel.languageProperty());
        openButton.disableProperty().bind(viewModel.canOpenProperty().not());
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        Presentation presentation = viewModel.presentation();
        presentationToggle.selectedProperty().bindBidirectional(presentation.onProperty());
        for (Presentation.Part part : Presentation.Part.values()) {
            CheckMenuItem item = new CheckMenuItem(Messages.get("presentation.hide." + part.name().toLowerCase(Locale.ROOT)));
            item.setSelected(presentation.hiddenParts().contains(part));
            item.selectedProperty().addListener((obs, old, hide) -> {
                if (hide) {
                    presentation.hiddenParts().add(part);
                } else {
                    presentation.hiddenParts().remove(part);
                }
            });
            hideMenu.getItems().add(item);
        }
        // the subtitle only where the line has room for it: wrapped, it made the header a tower of five lines
        InvalidationListener fit = obs -> showSubtitleIfItFits();
        header.widthProperty().addListener(fit);
        scope.listen(presentation.onProperty(), (obs, old, on) -> showSubtitleIfItFits());
        headerButtons.getChildren().forEach(button -> button.visibleProperty().addListener(fit));
        for (var node : new javafx.scene.Node[] {languageChoice, openButton, saveButton}) {
            node.visibleProperty().bind(presentation.hides(Presentation.Part.FILES).not());
            node.managedProperty().bind(node.visibleProperty());
        }
        // open and save by their shortcuts, for as long as this view's scene lives
        openButton.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(Shortcut.OPEN.keys(), openButton::fire);
                scene.getAccelerators().put(Shortcut.SAVE.keys(), saveButton::fire);
            }
        });
        for (Lesson lesson : lessons.builtIn()) {
            MenuItem item = new MenuItem(lesson.title().in(Messages.language()));
            item.setOnAction(event -> lessons.start(lesson));
            lessonsMenu.getItems().add(item);
        }
        MenuItem openLesson = new MenuItem(Messages.get("lessons.open"));
        openLesson.setOnAction(event -> openLesson());
        lessonsMenu.getItems().addAll(new SeparatorMenuItem(), openLesson);
        scope.listen(lessons.problemProperty(), (obs, old, now) -> {
            if (now != null) {
                lessons.problemShown();
                explain(now);
            }
        });
        scope.listen(viewModel.problemProperty(), (obs, old, now) -> {
            if (now != null) {
                viewModel.problemShown();
                explain(now);
            }
        });
    }

    private void showSubtitleIfItFits() {
        double buttons = headerButtons.getChildren().stream().filter(javafx.scene.Node::isManaged)
                .mapToDouble(button -> button.prefWidth(-1) + headerButtons.getHgap()).sum();
        double needed = header.snappedLeftInset() + header.snappedRightInset() + titleLabel.prefWidth(-1)
                + subtitleLabel.prefWidth(-1) + buttons + 2 * header.getSpacing();
        boolean fits = !viewModel.presentation().onProperty().get() && header.getWidth() >= needed;
        subtitleLabel.setVisible(fits);
        subtitleLabel.setManaged(fits);
    }

    private void openLesson() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("lessons.fileType"), "*.json"));
        File file = chooser.showOpenDialog(lessonsMenu.getScene().getWindow());
        if (file != null) {
            lessons.open(file.toPath());
        }
    }

    private void explain(org.bitcountlab.ui.common.Message problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem.text());
        alert.setHeaderText(null);
        alert.setTitle(Messages.get("app.title"));
        alert.initOwner(openButton.getScene().getWindow());
        alert.show();
    }

    @FXML
    private void openModel() {
        File file = chooser().showOpenDialog(openButton.getScene().getWindow());
        if (file != null) {
            viewModel.open(file.toPath());
        }
    }

    @FXML
    private void saveModel() {
        FileChooser chooser = chooser();
        chooser.setInitialFileName("model" + ModelFile.EXTENSION);
        File file = chooser.showSaveDialog(saveButton.getScene().getWindow());
        if (file != null) {
            viewModel.save(file.toPath());
        }
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("model.fileType"), "*.zip"));
        return chooser;
    }
}
