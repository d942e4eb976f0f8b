package org.bitcountlab.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn in a font: for layouts that must reserve room before a label shows it. Call on the FX thread. */
public final class TextWidth {

    private static final Text MEASURE = new Text();

    private TextWidth() {
    }

    /** The width {@code text} takes in {@code font}. */
    public static double of(Font font, String text) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
