package org.bitcountlab.ui.inside;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.FastMath;
import org.bitcountlab.core.model.StepTrace;
import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.Messages;

/**
 * Inside the LSTM for one string: a heatmap of every unit (rows, numbered) after every bit
 * (columns), its hidden state h or its cell state c, blue for -1 through white to orange for +1,
 * with a colour bar that says so; above, the bits read; below, the ones counted so far and what a
 * linear read-out of the state says the count is.
 */
public final class StepView extends CanvasView {

    private static final Color NEGATIVE = Color.web("#1f6feb");
    private static final Color POSITIVE = Color.web("#e8710a");
    private static final Color INK = Color.web("#1f2a44");
    private static final Color MUTED = Color.web("#57606a");
    private static final Color RIGHT = Color.web("#1a7f37");
    private StepTrace trace;
    private double[] readCounts;
    private final BooleanProperty showCell = new SimpleBooleanProperty(this, "showCell", false);

    public StepView() {
        super("step-view");
        setMinSize(200, 150);
        setPrefSize(800, 400);
        showCell.addListener((obs, old, now) -> redraw());
    }

    /** Draw the cell state c (squashed by tanh for colour) instead of the hidden state h. */
    public BooleanProperty showCellProperty() {
        return showCell;
    }

    /** @param newReadCounts the count a read-out of the state gives after each bit, or null */
    public void show(StepTrace newTrace, double[] newReadCounts) {
        this.trace = newTrace;
        this.readCounts = newReadCounts;
        redraw();
    }

    /** The value drawn at a timestep and unit, in [-1, 1]. */
    public double value(int step, int unit) {
        return showCell.get() ? FastMath.tanh(trace.cell()[step][unit]) : trace.hidden()[step][unit];
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (trace == null) {
            return;
        }
        int steps = trace.steps();
        int units = trace.units();
        double text = textSize();
        Font font = Font.font(text);
        double line = lineHeight(font);
        double left = text * 0.8 + Math.max(Math.max(textWidth(font, Messages.get("steps.input")),
                textWidth(font, Messages.get("steps.soFar"))), Math.max(textWidth(font, Messages.get("steps.readOut")),
                textWidth(font, Messages.get("steps.unit", units))));
        double right = text * 2.2 + textWidth(font, "\u22121");
        double bottom = line * 2.8;
        // rows lower than a line centre their unit's label on them: the first must clear the bits above
        double rowsFromALine = (height - line * 1.3 - bottom) / units;
        double top = line * 1.3 + Math.max(0, (line - rowsFromALine) / 2);
        double cellW = Math.max(0, (width - left - right) / steps);
        double cellH = Math.max(1, (height - top - bottom) / units);
        plotArea(left, top, cellW * steps, cellH * units);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        int stepStride = labelStride(textWidth(font, "20"), cellW, text * 0.3);
        int decimals = cellW > textWidth(font, "20.0") + text * 0.3 ? 1 : 0;
        int readStride = labelStride(textWidth(font, decimals == 1 ? "20.0" : "20"), cellW, text * 0.3);
        for (int t = 0; t < steps; t++) {
            double x = left + t * cellW + cellW / 2;
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(INK);
            fillText(g, Integer.toString(BitStrings.bitAt(trace.value(), trace.length(), t)), x, line * 0.6);
            for (int u = 0; u < units; u++) {
                g.setFill(color(value(t, u)));
                g.fillRect(left + t * cellW, top + u * cellH, Math.ceil(cellW), Math.ceil(cellH));
            }
            int soFar = Integer.bitCount(trace.value() >>> (trace.length() - 1 - t));
            g.setFill(INK);
            if ((t + 1) % stepStride == 0 || stepStride == 1) {
                fillText(g, Integer.toString(soFar), x, top + units * cellH + line * 0.7);
            }
            if (readCounts != null && ((t + 1) % readStride == 0 || readStride == 1)) {
                // the read-out's guess, green where it rounds to the true count so far
                g.setFill(Math.round(readCounts[t]) == soFar ? RIGHT : MUTED);
                fillText(g, Formats.decimals(readCounts[t], decimals), x, top + units * cellH + line * 1.9);
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(INK);
        fillText(g, Messages.get("steps.input"), left - text * 0.5, line * 0.6);
        fillText(g, Messages.get("steps.soFar"), left - text * 0.5, top + units * cellH + line * 0.7);
        if (readCounts != null) {
            fillText(g, Messages.get("steps.readOut"), left - text * 0.5, top + units * cellH + line * 1.9);
        }
        drawUnitNumbers(g, units, left, top, cellH, text);
        drawColourBar(g, width - right + text * 0.5, top, Math.min(units * cellH, text * 12), text);
    }

    /** The units' numbers, as many as fit one under another: every one, or every 2nd, 5th, 10th. */
    private void drawUnitNumbers(GraphicsContext g, int units, double left, double top, double cellH, double text) {
        Font font = Font.font(text);
        int every = labelStride(lineHeight(font), cellH, 0);
        g.setFill(MUTED);
        g.setFont(font);
        for (int u = 0; u < units; u++) {
            // unit 1 too, where it keeps clear of the every-th
            boolean labelled = (u + 1) % every == 0 || u == 0 && (every - 1) * cellH >= lineHeight(font);
            if (labelled) {
                fillText(g, Messages.get("steps.unit", u + 1), left - text * 0.5, top + u * cellH + cellH / 2);
            }
        }
    }

    private void drawColourBar(GraphicsContext g, double x, double top, double barHeight, double text) {
        double barWidth = text * 0.9;
        for (int i = 0; i < 100; i++) {
            g.setFill(color(1 - 2 * i / 99.0));
            g.fillRect(x, top + barHeight * i / 100, barWidth, Math.ceil(barHeight / 100) + 1);
        }
        g.setStroke(MUTED);
        g.strokeRect(x, top, barWidth, barHeight);
        g.setFill(INK);
        g.setTextAlign(TextAlignment.LEFT);
        fillText(g, "+1", x + barWidth + text * 0.3, top);
        fillText(g, "0", x + barWidth + text * 0.3, top + barHeight / 2);
        fillText(g, "\u22121", x + barWidth + text * 0.3, top + barHeight);
    }

    private static Color color(double value) {
        double v = Math.max(-1, Math.min(1, value));
        return v >= 0 ? Color.WHITE.interpolate(POSITIVE, v) : Color.WHITE.interpolate(NEGATIVE, -v);
    }
}
