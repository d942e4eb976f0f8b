package org.bitcountlab.ui.app;

import java.util.Locale;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import org.bitcountlab.ui.biteditor.SoftmaxChart;
import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.TextWidth;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.state.Presentation;

/**
 * The main window's layout. It places the feature views and, in presentation mode, rearranges
 * them for a class: the tab in front gets the room, the training controls a narrow column beside
 * it, the bits the whole width below it, and the softmax stands beside the learning curve; every
 * text is sized for the back of the room, the same on any projector (a 54th of the screen's height,
 * at least 14 px).
 */
public final class MainView {

    /** Presentation text: the screen's height over this, so that it looks the same size on any projector. */
    static final double SCREEN_HEIGHTS_PER_TEXT = 54;
    static final double SMALLEST_PRESENTATION_TEXT = 14;

    /** A tab's room beyond its name's: padding, border and the gap to the next, in units of the text's size. */
    private static final double TAB_ROOM_IN_EM = 2.2;

    @FXML private BorderPane root;
    @FXML private VBox sidePanel;
    @FXML private HBox bitsPanel;
    @FXML private SoftmaxChart softmax;
    @FXML private VBox bitEditorPane;
    @FXML private TabPane tabs;
    @FXML private Tab curveTab;
    /** The softmax beside the learning curve in presentation mode, where the bits take the whole width. */
    private final StackPane softmaxColumn = new StackPane();

    private final Presentation presentation;
    private final StringProperty shownTab;
    private final ViewScope scope;
    private final ViewFactory views;
    private final ChangeListener<Number> screenHeight = (obs, old, height) -> sizeText();

    public MainView(Presentation presentation, Lab lab, ViewScope scope, ViewFactory views) {
        this.presentation = presentation;
        this.shownTab = lab.shownTab();
        this.scope = scope;
        this.views = views;
    }

    @FXML
    private void initialize() {
        softmaxColumn.getStyleClass().add("softmax-column");
        // on a narrow window the tabs go by their short names rather than hide in an overflow menu
        scope.follow(tabs.widthProperty(), (obs, old, width) -> nameTabs());
        scope.follow(root.styleProperty(), (obs, old, style) -> nameTabs());
        scope.follow(presentation.onProperty(), (obs, old, on) -> arrange(on));
        // the tab in front is shared state: a lesson shows one, and a new language keeps it
        scope.follow(shownTab, (obs, old, name) -> tabs.getTabs().stream().filter(tab -> tabName(tab).equals(name))
                .findFirst().ifPresent(tab -> tabs.getSelectionModel().select(tab)));
        scope.follow(tabs.getSelectionModel().selectedItemProperty(), (obs, old, tab) -> {
            fill(tab);
            if (tab != null) {
                shownTab.set(tabName(tab));
            }
        });
        scope.follow(root.sceneProperty(), (obs, old, scene) -> {
            if (old != null) {
                old.heightProperty().removeListener(screenHeight);
            }
            if (scene != null) {
                scene.heightProperty().addListener(screenHeight);
                sizeText();
            }
        });
        scope.listen(presentation.hiddenParts(), (javafx.collections.SetChangeListener<Presentation.Part>) change ->
                sidePanel.pseudoClassStateChanged(SETTINGS_SHOWN, !presentation.hides(Presentation.Part.SETTINGS).get()));
        fill(tabs.getSelectionModel().getSelectedItem());
        loadTheOtherTabsAfterTheFirstFrame();
    }

    private static final javafx.css.PseudoClass SETTINGS_SHOWN = javafx.css.PseudoClass.getPseudoClass("settings-shown");

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

    /**
     * A tab's view, in a scroll pane of its own: on a small screen it scrolls rather than being
     * crushed. The learning curve's has the softmax column beside it, under the tab bar, which so
     * keeps the whole width for every tab's name.
     */
    private void fill(Tab tab) {
        if (tab != null && tab.getContent() == null) {
            ScrollPane scroller = new ScrollPane(views.load((String) tab.getUserData()));
            scroller.setFitToWidth(true);
            scroller.setFitToHeight(true);
            scroller.getStyleClass().add("tab-scroll");
            if (tab == curveTab) {
                HBox.setHgrow(scroller, Priority.ALWAYS);
                scroller.setPrefWidth(0); // it takes what the softmax column leaves, not the other way round
                tab.setContent(new HBox(scroller, softmaxColumn));
                placeSoftmax();
            } else {
                tab.setContent(scroller);
            }
        }
    }

    /** Each tab's full name where they all fit side by side, else each its short name. */
    private void nameTabs() {
        Font font = tabs.lookup(".tab-label") instanceof Labeled label ? label.getFont() : Font.getDefault();
        double needed = 0;
        for (Tab tab : tabs.getTabs()) {
            needed += TextWidth.of(font, Messages.get(tabKey(tab))) + font.getSize() * TAB_ROOM_IN_EM;
        }
        boolean shortNames = tabs.getWidth() > 0 && needed > tabs.getWidth() - font.getSize() * 2;
        for (Tab tab : tabs.getTabs()) {
            tab.setText(Messages.get(tabKey(tab) + (shortNames ? ".short" : "")));
        }
    }

    private static String tabKey(Tab tab) {
        return "tabs." + tabName(tab);
    }

    private static String tabName(Tab tab) {
        return tab.getId().replace("Tab", "");
    }

    private void arrange(boolean on) {
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
        }
        sidePanel.pseudoClassStateChanged(SETTINGS_SHOWN, !presentation.hides(Presentation.Part.SETTINGS).get());
        // the bits take the whole width in presentation, and the softmax moves beside the learning curve
        HBox.setHgrow(bitEditorPane, on ? Priority.ALWAYS : Priority.NEVER);
        sizeText();
        placeSoftmax();
    }

    private void placeSoftmax() {
        boolean presenting = presentation.onProperty().get();
        Node target = presenting ? softmaxColumn : bitsPanel;
        if (softmax.getParent() != target) {
            ((javafx.scene.layout.Pane) softmax.getParent()).getChildren().remove(softmax);
            if (presenting) {
                softmaxColumn.getChildren().add(softmax);
            } else {
                bitsPanel.getChildren().add(softmax);
                HBox.setHgrow(softmax, Priority.ALWAYS);
            }
        }
        softmaxColumn.setVisible(presenting);
        softmaxColumn.setManaged(presenting);
    }

    /** Presentation text: a 54th of the screen's height, at least 14 px; the desk's size otherwise. */
    private void sizeText() {
        Scene scene = root.getScene();
        if (!presentation.onProperty().get() || scene == null) {
            root.setStyle("");
            return;
        }
        double size = Math.max(SMALLEST_PRESENTATION_TEXT, scene.getHeight() / SCREEN_HEIGHTS_PER_TEXT);
        presentation.projectorTextProperty().set(size);
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", size));
    }
}
