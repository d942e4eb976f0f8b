package org.bitcountlab.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.bitcountlab.core.training.Evaluation;

/**
 * The confusion matrix: true count down, predicted count across, each row shaded by the share of
 * that row's strings. A perfect counter is a dark diagonal; mistakes show as cells beside it.
 */
public final class ConfusionView extends Region {

    private final Canvas canvas = new Canvas();
    private Evaluation evaluation;

    public ConfusionView() {
        getStyleClass().add("confusion-view");
        getChildren().add(canvas);
        setMinSize(150, 150);
        setPrefSize(330, 330);
    }

    public void show(Evaluation newEvaluation) {
        evaluation = newEvaluation;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (evaluation == null) {
            return;
        }
        long[][] confusion = evaluation.confusion();
        int n = confusion.length;
        double label = 26;
        double size = Math.min(canvas.getWidth() - label, canvas.getHeight() - 2 * label) / n;
        g.setFont(Font.font(Math.max(8, Math.min(12, size * 0.8))));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#1f2a44"));
        g.fillText(Messages.get("confusion.title"), label + n * size / 2, label / 2);
        for (int t = 0; t < n; t++) {
            long rowTotal = 0;
            for (long count : confusion[t]) {
                rowTotal += count;
            }
            for (int p = 0; p < n; p++) {
                double share = rowTotal == 0 ? 0 : (double) confusion[t][p] / rowTotal;
                Color base = t == p ? Color.web("#1a7f37") : Color.web("#cf222e");
                // even a few strings in a cell should be visible: shade by the square root
                g.setFill(Color.WHITE.interpolate(base, Math.sqrt(share)));
                g.fillRect(label + p * size, label + t * size, size - 1, size - 1);
            }
            if (t % 5 == 0) {
                g.setFill(Color.web("#57606a"));
                g.fillText(Integer.toString(t), label / 2, label + t * size + size / 2);
                g.fillText(Integer.toString(t), label + t * size + size / 2, label + n * size + label / 2);
            }
        }
    }

    public Evaluation evaluation() {
        return evaluation;
    }
}
