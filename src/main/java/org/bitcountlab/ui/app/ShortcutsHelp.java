package org.bitcountlab.ui.app;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.Shortcut;
import org.bitcountlab.ui.state.Presentation;

/**
 * The keys, listed over the window (F1, or ?): the shortcuts as this platform writes them, and the
 * keys that work on the focused bit editor or chart. In the window's own type size, presentation
 * mode's included, so that the class can read it too. Any key or click closes it.
 */
final class ShortcutsHelp {

    private final Scene scene;
    private final Presentation presentation;
    private Popup shown;

    ShortcutsHelp(Scene scene, Presentation presentation) {
        this.scene = scene;
        this.presentation = presentation;
    }

    void toggle() {
        if (shown != null) {
            close();
            return;
        }
        GridPane keys = new GridPane();
        keys.setHgap(24);
        keys.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : Shortcut.values()) {
            keys.addRow(row++, key(shortcut == Shortcut.HELP ? Messages.get("keys.helpKeys", shortcut.display())
                    : shortcut.display()), new Label(shortcut.action().text()));
        }
        for (String plain : new String[] {"space", "digits", "shiftDigits", "arrows", "tab", "escape"}) {
            keys.addRow(row++, key(Messages.get("keys." + plain + ".keys")), new Label(Messages.get("keys." + plain)));
        }
        Label title = new Label(Messages.get("keys.title"));
        title.getStyleClass().add("section-title");
        Label close = new Label(Messages.get("keys.close"));
        close.getStyleClass().add("muted");
        VBox content = new VBox(12, title, keys, close);
        content.getStyleClass().add("shortcuts-help");
        content.getStylesheets().addAll(scene.getStylesheets());
        content.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                presentation.onProperty().get() ? presentation.projectorTextProperty().get() : 14));
        Popup popup = new Popup();
        popup.getContent().add(content);
        popup.setAutoHide(true);
        popup.setOnHidden(event -> shown = null);
        content.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.SHIFT) {
                close();
                event.consume();
            }
        });
        content.setOnMouseClicked(event -> close());
        shown = popup;
        popup.show(scene.getWindow());
        Bounds size = content.getLayoutBounds();
        popup.setX(scene.getWindow().getX() + (scene.getWindow().getWidth() - size.getWidth()) / 2);
        popup.setY(scene.getWindow().getY() + (scene.getWindow().getHeight() - size.getHeight()) / 2);
        content.requestFocus();
    }

    boolean isShowing() {
        return shown != null;
    }

    private void close() {
        if (shown != null) {
            Popup closing = shown;
            shown = null;
            closing.hide();
        }
    }

    private static Label key(String text) {
        Label key = new Label(text);
        key.getStyleClass().add("shortcut-key");
        return key;
    }
}
