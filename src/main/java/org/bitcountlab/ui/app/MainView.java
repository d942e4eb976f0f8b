package org.bitcountlab.ui.app;

import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.bitcountlab.ui.biteditor.SoftmaxChart;
import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/**
 * The main window's layout. It places the feature views and, in presentation mode, rearranges
 * them for a class: larger type, and the softmax chart beside the controls where the settings were.
 */
public final class MainView {

    @FXML private BorderPane root;
    @FXML private VBox sidePanel;
    @FXML private HBox bitsPanel;
    @FXML private SoftmaxChart softmax;
    @FXML private VBox bitEditorPane;
    @FXML private TabPane tabs;

    private final Presentation presentation;
    private final ViewScope scope;
    private final ViewFactory views;

    public MainView(Presentation presentation, ViewScope scope, ViewFactory views) {
        this.presentation = presentation;
        this.scope = scope;
        this.views = views;
    }

    @FXML
    private void initialize() {
        scope.follow(presentation.onProperty(), (obs, old, on) -> arrange(on));
        scope.follow(tabs.getSelectionModel().selectedItemProperty(), (obs, old, tab) -> fill(tab));
        fill(tabs.getSelectionModel().getSelectedItem());
        loadTheOtherTabsAfterTheFirstFrame();
    }

    /**
     * A tab's view is made when the tab is first shown, or in the frames after the window first
     * appears, one per frame: the window opens with only what it shows, and stays responsive.
     */
    private void loadTheOtherTabsAfterTheFirstFrame() {
        FirstFrame.eachFrameAfter(() -> {
            Tab empty = tabs.getTabs().stream().filter(tab -> tab.getContent() == null).findFirst().orElse(null);
            boolean replaced = tabs.getScene() != null && tabs.getScene().getWindow() == null; // by a language change
            if (empty == null || replaced) {
                return false;
            }
            fill(empty);
            return true;
        });
    }

    private void fill(Tab tab) {
        if (tab != null && tab.getContent() == null) {
            tab.setContent(views.load((String) tab.getUserData()));
        }
    }

    private void arrange(boolean on) {
        root.getStyleClass().remove("presentation");
        bitsPanel.getChildren().remove(softmax);
        sidePanel.getChildren().remove(softmax);
        // the bits take the whole width the softmax chart leaves, so the class can read them
        HBox.setHgrow(bitEditorPane, on ? Priority.ALWAYS : Priority.NEVER);
        if (on) {
            root.getStyleClass().add("presentation");
            sidePanel.getChildren().add(softmax);
            VBox.setVgrow(softmax, Priority.ALWAYS);
        } else {
            bitsPanel.getChildren().add(softmax);
            HBox.setHgrow(softmax, Priority.ALWAYS);
        }
    }
}
