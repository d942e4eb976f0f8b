package org.bitcountlab.ui.app;

import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.common.FocusInView;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/**
 * The main window's stage. It builds the scene from FXML, rebuilds it when the language changes
 * (the view models keep all state, so nothing is lost), and takes presentation mode full screen
 * on whichever screen the window is on.
 */
public final class MainWindow {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private final Stage stage;
    private final ViewModels viewModels;
    private ViewScope scope;
    private Rectangle2D windowedBounds;

    public MainWindow(Stage stage, ViewModels viewModels) {
        this.stage = stage;
        this.viewModels = viewModels;
        FirstFrame.then(this::addIconWhenDecoded);
        // small enough for an 800x600 screen: below the room the views need, the window scrolls
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(event -> viewModels.lab().shutdown());
        viewModels.header().languageProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                Messages.setLanguage(now);
                build();
            }
        });
        Presentation presentation = viewModels.lab().presentation();
        presentation.onProperty().addListener((obs, old, on) -> fillScreen(on));
        // Escape leaves full screen: that ends presentation mode too
        stage.fullScreenProperty().addListener((obs, old, full) -> {
            if (!full) {
                presentation.onProperty().set(false);
            }
        });
        build();
    }

    private void build() {
        ViewScope next = new ViewScope();
        Parent root = new ViewFactory(viewModels, next).load("/org/bitcountlab/ui/app/MainView.fxml");
        // the size the window shows it at, so that JavaFX lays it out once, at that size, before the
        // first frame: sized to its content, the scene was laid out at its preferred size and then
        // again in the first frame, every chart's axes included, at the window's
        Scene shown = stage.getScene();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = shown == null
                ? new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()))
                : new Scene(root, shown.getWidth(), shown.getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("/org/bitcountlab/ui/main.css").toExternalForm());
        ShortcutsHelp help = new ShortcutsHelp(scene, viewModels.lab().presentation());
        KeyboardShortcuts.install(scene, viewModels, help::toggle);
        FocusInView.install(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.setFullScreenExitHint(Messages.get("presentation.exitHint"));
        ViewScope previous = scope;
        scope = next;
        if (previous != null) {
            previous.dispose(); // the old views let go of the view models
        }
    }

    /**
     * The window icon, decoded in the background once the first frame has begun: the window
     * manager shows it a moment after the window. A 512-pixel icon took the JavaFX thread about
     * 50 ms at start; it is made (packaging/make-icons.sh) at the size JavaFX hands the window
     * system, 128 pixels on Linux and macOS, and JavaFX still passes every pixel through its
     * scaler on the JavaFX thread (15 ms, and a compile of the scaler's loop, just before the
     * first frame when the icon came first).
     */
    private void addIconWhenDecoded() {
        String icon = MainWindow.class.getResource("/org/bitcountlab/ui/window-icon.png").toExternalForm();
        Message what = new Message("task.icon");
        viewModels.lab().tasks().submit(what, progress -> new Image(icon), image -> stage.getIcons().add(image),
                error -> viewModels.lab().status().showFailure(what, error));
    }

    /** Full screen on the screen the window is on; where there is no full screen, that screen's bounds. */
    private void fillScreen(boolean on) {
        if (on == stage.isFullScreen()) {
            return;
        }
        if (on) {
            windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            List<Screen> screens = Screen.getScreensForRectangle(windowedBounds);
            Rectangle2D screen = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (windowedBounds != null) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
        }
    }
}
