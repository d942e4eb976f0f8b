package org.bitcountlab.ui.failures;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.Messages;

/**
 * The confusion matrix: true count down, predicted count across, each row shaded by the share of
 * that row's strings. A perfect counter is a dark diagonal; mistakes show as cells beside it.
 */
public final class ConfusionView extends CanvasView {

    private Evaluation evaluation;

    public ConfusionView() {
        super("confusion-view");
        setMinSize(150, 150);
        setPrefSize(330, 330);
    }

    public void show(Evaluation newEvaluation) {
        evaluation = newEvaluation;
        redraw();
    }


    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (evaluation == null) {
            return;
        }
        long[][] confusion = evaluation.confusion();
        int n = confusion.length;
        double text = textSize();
        double label = text * 2;
        double size = Math.min(width - label, height - 2 * label) / n;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#1f2a44"));
        g.setFont(Font.font(null, FontWeight.BOLD, text));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Messages.get("confusion.title"), 0, label / 2, width);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(text));
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
}
