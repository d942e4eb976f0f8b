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
        // as wide as it is tall: the matrix is square
        prefWidthProperty().bind(heightProperty());
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
        Font font = Font.font(text);
        g.setFill(Color.web("#1f2a44"));
        g.setFont(Font.font(null, FontWeight.BOLD, text));
        g.setTextAlign(TextAlignment.LEFT);
        double titleHeight = fillWrapped(g, Messages.get("confusion.title"), 0, 0, width);
        double label = textWidth(font, "20") + text * 0.8;
        double top = titleHeight + text * 0.4;
        // the last count's label is centred under the last column: half of it needs room beyond
        double size = Math.max(0, Math.min(width - label - textWidth(font, "20") / 2,
                height - top - lineHeight(font) * 1.4) / n);
        plotArea(label, top, size * n, size * n);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font);
        int across = labelStride(textWidth(font, "20"), size, text * 0.4);
        int down = labelStride(lineHeight(font), size, text * 0.1);
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
                g.fillRect(label + p * size, top + t * size, Math.max(0, size - 1), Math.max(0, size - 1));
            }
            g.setFill(Color.web("#57606a"));
            if (t % down == 0) {
                fillText(g, Integer.toString(t), label / 2, top + t * size + size / 2);
            }
            if (t % across == 0) {
                fillText(g, Integer.toString(t), label + t * size + size / 2, top + n * size + lineHeight(font) * 0.7);
            }
        }
    }
}
