package org.bitcountlab.ui.biteditor;

import java.util.Arrays;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
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

/**
 * One toggle button per bit showing 0 or 1, most significant bit first (twenty unless {@link
 * #lengthProperty()} says otherwise); {@link #valueProperty()} is the string.
 */
public final class BitEditor extends HBox {

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value");
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length", CurrentString.LENGTH);
    private final ToggleButton[] all = new ToggleButton[CurrentString.LONGEST];
    private ToggleButton[] buttons = new ToggleButton[0];
    private boolean syncing;

    public BitEditor() {
        getStyleClass().add("bit-editor");
        length.addListener((obs, old, now) -> showButtons());
        showButtons();
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

    /** The first {@code length} buttons, made when first needed and kept for when the string grows again. */
    private void showButtons() {
        int bits = Math.max(CurrentString.SHORTEST, Math.min(CurrentString.LONGEST, length.get()));
        for (int step = 0; step < bits; step++) {
            if (all[step] == null) {
                all[step] = newButton(step);
            }
            all[step].getStyleClass().remove("nibble-end");
            if (step % 4 == 3 && step < bits - 1) {
                all[step].getStyleClass().add("nibble-end");
            }
        }
        buttons = Arrays.copyOf(all, bits);
        getChildren().setAll((Node[]) buttons);
        sync();
    }

    private ToggleButton newButton(int step) {
        ToggleButton button = new ToggleButton("0");
        button.getStyleClass().add("bit");
        button.setId("bit" + step);
        button.setFocusTraversable(true);
        button.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(button, Priority.ALWAYS);
        button.setAccessibleText(Messages.get("bits.editor.accessible", step + 1, 0));
        // each bit's tooltip is made when the pointer first reaches it: twenty popups, each with
        // its own scene and style, took the window's first frame about 40 ms
        button.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            if (button.getTooltip() == null) {
                button.setTooltip(new Tooltip(Messages.get("bits.bit.tooltip", step + 1)));
            }
        });
        button.selectedProperty().addListener((obs, old, on) -> {
            button.setText(on ? "1" : "0");
            button.setAccessibleText(Messages.get("bits.editor.accessible", step + 1, on ? 1 : 0));
            if (!syncing) {
                int mask = 1 << (buttons.length - 1 - step);
                value.set(on ? value.get() | mask : value.get() & ~mask);
            }
        });
        return button;
    }

    private void sync() {
        syncing = true;
        try {
            for (int step = 0; step < buttons.length; step++) {
                buttons[step].setSelected(BitStrings.bitAt(value.get(), buttons.length, step) == 1);
            }
        } finally {
            syncing = false;
        }
    }

    public IntegerProperty valueProperty() {
        return value;
    }

    /** How many bits it shows, 1 to 30. */
    public IntegerProperty lengthProperty() {
        return length;
    }

    public ToggleButton button(int step) {
        return buttons[step];
    }
}
