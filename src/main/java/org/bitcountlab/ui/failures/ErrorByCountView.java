package org.bitcountlab.ui.failures;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;

/**
 * Where the model fails: the error for each true count 0..L, 0 to 100%, each bar with the number
 * of strings it rests on. A count with no strings is marked so, never drawn as a perfect 0%.
 */
public final class ErrorByCountView extends CanvasView {

    private static final Color BAR = Color.web("#cf222e");
    private static final Color INK = Color.web("#1f2a44");
    private static final Color MUTED = Color.web("#57606a");
    private Evaluation evaluation;
    private String title = Messages.get("failures.title.none");

    public ErrorByCountView() {
        super("error-by-count-view");
        setMinSize(300, 200);
        setPrefSize(700, 330);
    }

    public void show(Evaluation newEvaluation, Message measuredOn) {
        evaluation = newEvaluation;
        title = newEvaluation == null ? Messages.get("failures.title.none")
                : Messages.get("failures.title", measuredOn.text(), newEvaluation.errorPercent());
        setAccessibleText(title);
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double text = textSize();
        g.setTextBaseline(VPos.CENTER);
        g.setFill(INK);
        g.setFont(Font.font(null, FontWeight.BOLD, text * 1.1));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(title, width / 2, text, width);
        if (evaluation == null) {
            return;
        }
        g.setFont(Font.font(text));
        double left = text * 3.6;
        double top = text * 2.6;
        double bottom = text * 6;
        double plotHeight = height - top - bottom;
        int counts = evaluation.length() + 1;
        double slot = (width - left - text) / counts;
        drawAxis(g, left, top, plotHeight, width, text);
        for (int k = 0; k < counts; k++) {
            double x = left + k * slot;
            long strings = evaluation.stringsWithCount(k);
            g.setFill(INK);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Integer.toString(k), x + slot / 2, top + plotHeight + text * 0.9);
            g.save();
            g.translate(x + slot / 2, top + plotHeight + text * 1.8);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(MUTED);
            g.setFont(Font.font(text * 0.8));
            g.fillText(strings == 0 ? "" : "n=" + Formats.grouped(strings), 0, 0);
            g.restore();
            if (strings == 0) {
                // no string to judge: a grey hatched slot and the words, not an empty (perfect-looking) bar
                g.setStroke(MUTED);
                g.setLineDashes(3, 3);
                g.strokeRect(x + slot * 0.15, top, slot * 0.7, plotHeight);
                g.setLineDashes();
                g.save();
                g.translate(x + slot / 2, top + plotHeight / 2);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.CENTER);
                g.setFill(MUTED);
                g.fillText(Messages.get("failures.noStrings"), 0, 0);
                g.restore();
                continue;
            }
            double error = evaluation.errorPercentForCount(k);
            double barHeight = plotHeight * error / 100;
            g.setFill(BAR);
            g.fillRect(x + slot * 0.15, top + plotHeight - barHeight, slot * 0.7, barHeight);
        }
    }

    private void drawAxis(GraphicsContext g, double left, double top, double plotHeight, double width, double text) {
        g.setStroke(Color.web("#d0d7de"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(MUTED);
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = top + plotHeight * (1 - percent / 100.0);
            g.strokeLine(left, y, width - text, y);
            g.fillText(percent + "%", left - text * 0.3, y);
        }
    }
}
