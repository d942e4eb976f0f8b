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
    private static final Color TRAINED = Color.web("#1f6feb");
    private Evaluation evaluation;
    private long[] trainingStrings;
    private String title = Messages.get("failures.title.none");

    public ErrorByCountView() {
        super("error-by-count-view");
        setMinSize(300, 200);
        setPrefSize(700, 330);
    }

    /** @param trainingStringsByCount how many training strings had each count, drawn above the bars; or null */
    public void show(Evaluation newEvaluation, Message measuredOn, long[] trainingStringsByCount) {
        evaluation = newEvaluation;
        trainingStrings = trainingStringsByCount;
        title = newEvaluation == null ? Messages.get("failures.title.none")
                : Messages.get("failures.title", measuredOn.text(), newEvaluation.errorPercent());
        setAccessibleText(title);
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double text = textSize();
        g.setFill(INK);
        g.setFont(Font.font(null, FontWeight.BOLD, text * 1.1));
        g.setTextAlign(TextAlignment.CENTER);
        double titleHeight = fillWrapped(g, title, width / 2, 0, width - text);
        if (evaluation == null) {
            return;
        }
        Font small = Font.font(text);
        int counts = evaluation.length() + 1;
        String widest = "n=" + Formats.grouped(maxStrings());
        double left = textWidth(Font.font(text), "100%") + text * 0.8;
        double top = titleHeight + text * 0.8;
        if (trainingStrings != null) {
            g.setFill(TRAINED);
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            top += fillWrapped(g, Messages.get("failures.trainedOn"), 0, top, width) + text * 0.3;
            top += trainedBand(g, left, top, (width - left - text) / counts, text, small);
        }
        double bottom = lineHeight(Font.font(text)) * 1.2 + textWidth(small, widest) + text * 0.6;
        double plotHeight = Math.max(0, height - top - bottom);
        double slot = (width - left - text) / counts;
        plotArea(left, top, slot * counts, plotHeight);
        drawAxis(g, left, top, plotHeight, width, text);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(text));
        int countStride = labelStride(textWidth(Font.font(text), "20"), slot, text * 0.5);
        int stringsStride = labelStride(lineHeight(small), slot, text * 0.2);
        for (int k = 0; k < counts; k++) {
            double x = left + k * slot;
            long strings = evaluation.stringsWithCount(k);
            g.setFill(INK);
            g.setTextAlign(TextAlignment.CENTER);
            if (k % countStride == 0) {
                fillText(g, Integer.toString(k), x + slot / 2, top + plotHeight + text * 0.7);
            }
            if (strings > 0 && k % stringsStride == 0) {
                g.save();
                g.translate(x + slot / 2, top + plotHeight + lineHeight(Font.font(text)) * 1.2);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(MUTED);
                g.setFont(small);
                fillText(g, "n=" + Formats.grouped(strings), 0, 0);
                g.restore();
                g.setFont(Font.font(text));
            }
            if (strings == 0) {
                // no string to judge: a grey hatched slot and the words, not an empty (perfect-looking) bar
                g.setStroke(MUTED);
                g.setLineDashes(3, 3);
                g.strokeRect(x + slot * 0.15, top, slot * 0.7, plotHeight);
                g.setLineDashes();
                String none = Messages.get("failures.noStrings");
                if (slot >= lineHeight(small) && plotHeight >= textWidth(small, none) + text) {
                    g.save();
                    g.translate(x + slot / 2, top + plotHeight / 2);
                    g.rotate(-90);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setFill(MUTED);
                    g.setFont(small);
                    fillText(g, none, 0, 0);
                    g.restore();
                    g.setFont(Font.font(text));
                }
                continue;
            }
            double error = evaluation.errorPercentForCount(k);
            double barHeight = plotHeight * error / 100;
            g.setFill(BAR);
            g.fillRect(x + slot * 0.15, top + plotHeight - barHeight, slot * 0.7, barHeight);
        }
    }

    /**
     * Above each bar, how many training strings had its count: the class sees that the counts the
     * network gets wrong are those it hardly met. Returns the height used.
     */
    private double trainedBand(GraphicsContext g, double left, double top, double slot, double text, Font font) {
        long most = 0;
        for (long strings : trainingStrings) {
            most = Math.max(most, strings);
        }
        double band = textWidth(font, Formats.grouped(most)) + text * 0.4;
        int stride = labelStride(lineHeight(font), slot, text * 0.2);
        g.setFill(TRAINED);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < trainingStrings.length; k += stride) {
            g.save();
            g.translate(left + k * slot + slot / 2, top + band - text * 0.2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.LEFT);
            fillText(g, Formats.grouped(trainingStrings[k]), 0, 0);
            g.restore();
        }
        return band;
    }

    private long maxStrings() {
        long max = 0;
        for (int k = 0; k <= evaluation.length(); k++) {
            max = Math.max(max, evaluation.stringsWithCount(k));
        }
        return max;
    }

    private void drawAxis(GraphicsContext g, double left, double top, double plotHeight, double width, double text) {
        g.setStroke(Color.web("#d0d7de"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(MUTED);
        g.setFont(Font.font(text));
        int stride = labelStride(lineHeight(Font.font(text)), plotHeight / 4, text * 0.2);
        for (int quarter = 0; quarter <= 4; quarter++) {
            double y = top + plotHeight * (1 - quarter / 4.0);
            g.strokeLine(left, y, width - text, y);
            if (quarter % stride == 0) {
                fillText(g, quarter * 25 + "%", left - text * 0.3, y);
            }
        }
    }
}
