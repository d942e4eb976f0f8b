package org.bitcountlab.ui.biteditor;

import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.state.CurrentString;

/** Twenty toggle buttons showing 0 or 1, most significant bit first; {@link #valueProperty()} is the string. */
public final class BitEditor extends HBox {

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value");
    private final ToggleButton[] buttons = new ToggleButton[CurrentString.LENGTH];
    private boolean syncing;

    public BitEditor() {
        getStyleClass().add("bit-editor");
        for (int step = 0; step < buttons.length; step++) {
            ToggleButton button = new ToggleButton("0");
            button.getStyleClass().add("bit");
            button.setId("bit" + step);
            button.setFocusTraversable(true);
            button.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(button, Priority.ALWAYS);
            button.setAccessibleText(Messages.get("bits.editor.accessible", step + 1, 0));
            int bit = step;
            // each bit's tooltip is made when the pointer first reaches it: twenty popups, each with
            // its own scene and style, took the window's first frame about 40 ms
            button.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
                if (button.getTooltip() == null) {
                    button.setTooltip(new Tooltip(Messages.get("bits.bit.tooltip", bit + 1)));
                }
            });
            button.selectedProperty().addListener((obs, old, on) -> {
                button.setText(on ? "1" : "0");
                button.setAccessibleText(Messages.get("bits.editor.accessible", bit + 1, on ? 1 : 0));
                if (!syncing) {
                    int mask = 1 << (CurrentString.LENGTH - 1 - bit);
                    value.set(on ? value.get() | mask : value.get() & ~mask);
                }
            });
            buttons[step] = button;
            getChildren().add(button);
            if (step % 4 == 3 && step < buttons.length - 1) {
                button.getStyleClass().add("nibble-end");
            }
        }
        value.addListener((obs, old, now) -> sync());
        sync();
        // the arrow keys move between the bits and wrap around, rather than leaving the editor
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            int focused = List.of(buttons).indexOf(getScene() == null ? null : getScene().getFocusOwner());
            if (focused >= 0 && (event.getCode() == KeyCode.LEFT || event.getCode() == KeyCode.RIGHT)) {
                int next = Math.floorMod(focused + (event.getCode() == KeyCode.LEFT ? -1 : 1), buttons.length);
                buttons[next].requestFocus();
                event.consume();
            }
        });
    }

    private void sync() {
        syncing = true;
        try {
            for (int step = 0; step < buttons.length; step++) {
                buttons[step].setSelected(BitStrings.bitAt(value.get(), CurrentString.LENGTH, step) == 1);
            }
        } finally {
            syncing = false;
        }
    }

    public IntegerProperty valueProperty() {
        return value;
    }

    public ToggleButton button(int step) {
        return buttons[step];
    }
}
