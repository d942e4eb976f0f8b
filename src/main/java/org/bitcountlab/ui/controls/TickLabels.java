package org.bitcountlab.ui.controls;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;

import org.bitcountlab.ui.common.CanvasView;

/**
 * Keeps an axis's tick labels apart. JavaFX hides labels only once their widths add up to more
 * than the axis is long, so labels that just fit still touch ("9101112..." on a softmax axis), and
 * it decides only when the axis's length or range changes, so a label it hid at one size can stay
 * hidden at the next. This keeps every first, second, fifth or tenth label, so that those shown
 * have a gap of half a letter's height between them, whatever the axis's length and the font's
 * size. It decides after every layout of the scene, from where the labels stand then.
 */
public final class TickLabels {

    private TickLabels() {
    }

    /** Keeps the tick labels of both of the chart's axes apart, after every layout. */
    public static void keepApart(XYChart<?, ?> chart) {
        keepApart(chart.getXAxis());
        keepApart(chart.getYAxis());
    }

    private static void keepApart(Axis<?> axis) {
        Runnable apart = () -> {
            if (axis.isVisible()) {
                keepApart(axis, axis.getChildrenUnmodifiable(), axis.getSide());
            }
        };
        axis.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(apart);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(apart);
            }
        });
        Scene scene = axis.getScene();
        if (scene != null) {
            scene.addPostLayoutPulseListener(apart);
        }
    }

    /**
     * Its children in the order JavaFX keeps them: tick labels (the only {@link Text}s; the axis's
     * title is a Label) in the order of their ticks.
     */
    private static void keepApart(Axis<?> axis, List<Node> children, Side side) {
        List<Text> labels = children.stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
        if (labels.size() < 2 || !axis.isTickLabelsVisible()) {
            return;
        }
        boolean across = side == null || side.isHorizontal();
        double length = across ? axis.getWidth() : axis.getHeight();
        double extent = 0;
        double fontSize = 0;
        for (Text label : labels) {
            Bounds bounds = label.getBoundsInParent();
            extent = Math.max(extent, across ? bounds.getWidth() : bounds.getHeight());
            fontSize = Math.max(fontSize, label.getFont().getSize());
        }
        double spacing = Math.abs(centre(labels.get(1), across) - centre(labels.get(0), across));
        int stride = CanvasView.labelStride(extent, spacing, fontSize * 0.5);
        int phase = phase(labels, stride);
        for (int i = 0; i < labels.size(); i++) {
            Text label = labels.get(i);
            double at = centre(label, across);
            boolean onAxis = at >= -0.5 && at <= length + 0.5;
            boolean shown = (i + phase) % stride == 0 && onAxis && !label.getText().isEmpty();
            if (label.isVisible() != shown) {
                label.setVisible(shown);
            }
        }
    }

    /**
     * Where labels that count 1, 2, 3, ... (units, lengths) are thinned, the ones kept are the
     * multiples of the stride (2, 4, ... 20), not 1, 3, ... 19: a lesson that names unit 20 or 20
     * bits finds it labelled. Other labels keep the first and every stride-th after it.
     */
    private static int phase(List<Text> labels, int stride) {
        try {
            int first = Integer.parseInt(labels.get(0).getText());
            int second = Integer.parseInt(labels.get(1).getText());
            return second == first + 1 ? Math.floorMod(first, stride) : 0;
        } catch (NumberFormatException notCounting) {
            return 0;
        }
    }

    private static double centre(Text label, boolean across) {
        Bounds bounds = label.getBoundsInParent();
        return across ? bounds.getCenterX() : bounds.getCenterY();
    }
}
