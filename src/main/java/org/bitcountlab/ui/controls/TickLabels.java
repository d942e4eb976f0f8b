package org.bitcountlab.ui.controls;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;

import org.bitcountlab.ui.common.CanvasView;

/**
 * Keeps an axis's tick labels apart. JavaFX hides labels only once their widths add up to more
 * than the axis is long, so labels that just fit still touch ("9101112..." on a softmax axis); this
 * keeps every first, second, fifth or tenth label, so that those left have a gap of half a
 * letter's height between them, whatever the axis's length and the font's size.
 */
public final class TickLabels {

    private TickLabels() {
    }

    /** Keeps the tick labels of both of the chart's axes apart, after every layout of each. */
    public static void keepApart(XYChart<?, ?> chart) {
        keepApart(chart.getXAxis());
        keepApart(chart.getYAxis());
    }

    private static void keepApart(Axis<?> axis) {
        axis.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                keepApart(axis.getChildrenUnmodifiable(), axis.getSide());
            }
        });
    }

    /** After the axis's own layout: its children in the order JavaFX keeps them, tick labels in the order of their ticks. */
    private static void keepApart(List<Node> children, Side side) {
        List<Text> labels = children.stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
        if (labels.size() < 2) {
            return;
        }
        boolean across = side == null || side.isHorizontal();
        double extent = 0;
        double fontSize = 0;
        for (Text label : labels) {
            Bounds bounds = label.getBoundsInParent();
            extent = Math.max(extent, across ? bounds.getWidth() : bounds.getHeight());
            fontSize = Math.max(fontSize, label.getFont().getSize());
        }
        double spacing = Math.abs(centre(labels.get(1), across) - centre(labels.get(0), across));
        int stride = CanvasView.labelStride(extent, spacing, fontSize * 0.5);
        for (int i = 0; i < labels.size(); i++) {
            if (i % stride != 0) {
                labels.get(i).setVisible(false);
            }
        }
    }

    private static double centre(Text label, boolean across) {
        Bounds bounds = label.getBoundsInParent();
        return across ? bounds.getCenterX() : bounds.getCenterY();
    }
}
