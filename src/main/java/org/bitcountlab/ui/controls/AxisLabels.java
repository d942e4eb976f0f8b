package org.bitcountlab.ui.controls;

import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.control.Label;
import javafx.scene.text.Font;

import org.bitcountlab.ui.common.TextWidth;

/**
 * A vertical axis's title where the chart is short: JavaFX cuts "Error (%)" to "Err…" once the
 * axis is shorter than the title, which reads as a mistake on a projector; a short title ("%")
 * says the same in the room there is.
 */
public final class AxisLabels {

    /** Room left beside the title, in pixels, so that it never touches the axis's ends. */
    private static final double MARGIN = 8;

    private AxisLabels() {
    }

    /** Shows {@code full} as the axis's title while it fits along the axis, {@code cramped} when it does not. */
    public static void shortenWhenCramped(Axis<?> axis, String full, String cramped) {
        axis.setLabel(full);
        axis.heightProperty().addListener((obs, was, height) ->
                axis.setLabel(width(full, axis) + MARGIN > height.doubleValue() ? cramped : full));
    }

    private static double width(String title, Axis<?> axis) {
        Node label = axis.lookup(".axis-label");
        return TextWidth.of(label instanceof Label shown ? shown.getFont() : Font.getDefault(), title);
    }
}
