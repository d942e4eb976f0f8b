package org.bitcountlab.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.bitcountlab.core.dataset.BitStrings;

/** Twenty toggle buttons showing 0 or 1, most significant bit first; {@link #valueProperty()} is the string. */
public final class BitEditor extends HBox {

    private final IntegerProperty value = new SimpleIntegerProperty(this, "value");
    private final ToggleButton[] buttons = new ToggleButton[BitEditorModel.LENGTH];
    private boolean syncing;

    public BitEditor() {
        getStyleClass().add("bit-editor");
        for (int step = 0; step < buttons.length; step++) {
            ToggleButton button = new ToggleButton("0");
            button.getStyleClass().add("bit");
            button.setId("bit" + step);
            button.setFocusTraversable(true);
            button.setTooltip(new Tooltip(Messages.get("bits.bit.tooltip", step + 1)));
            int bit = step;
            button.selectedProperty().addListener((obs, old, on) -> {
                button.setText(on ? "1" : "0");
                if (!syncing) {
                    int mask = 1 << (BitEditorModel.LENGTH - 1 - bit);
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
    }

    private void sync() {
        syncing = true;
        try {
            for (int step = 0; step < buttons.length; step++) {
                buttons[step].setSelected(BitStrings.bitAt(value.get(), BitEditorModel.LENGTH, step) == 1);
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
