package org.bitcountlab.ui.app;

import javafx.fxml.FXML;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.bitcountlab.ui.biteditor.SoftmaxChart;
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

    private final Presentation presentation;
    private final ViewScope scope;

    public MainView(Presentation presentation, ViewScope scope) {
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        scope.follow(presentation.onProperty(), (obs, old, on) -> arrange(on));
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
