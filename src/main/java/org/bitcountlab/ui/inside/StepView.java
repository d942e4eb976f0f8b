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
        double left = text * 6.5;
        double right = text * 4.5;
        double top = text * 1.8;
        double bottom = text * 4.4;
        double cellW = (width - left - right) / steps;
        double cellH = Math.max(1, (height - top - bottom) / units);
        g.setFont(Font.font(text));
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t < steps; t++) {
            double x = left + t * cellW + cellW / 2;
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(INK);
            g.fillText(Integer.toString(BitStrings.bitAt(trace.value(), trace.length(), t)), x, text * 0.8);
            for (int u = 0; u < units; u++) {
                g.setFill(color(value(t, u)));
                g.fillRect(left + t * cellW, top + u * cellH, Math.ceil(cellW), Math.ceil(cellH));
            }
            int soFar = Integer.bitCount(trace.value() >>> (trace.length() - 1 - t));
            g.setFill(INK);
            g.fillText(Integer.toString(soFar), x, top + units * cellH + text);
            if (readCounts != null) {
                // the read-out's guess, green where it rounds to the true count so far
                g.setFill(Math.round(readCounts[t]) == soFar ? RIGHT : MUTED);
                g.fillText(Formats.decimals(readCounts[t], cellW > text * 2.2 ? 1 : 0), x, top + units * cellH + text * 2.6);
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(INK);
        g.fillText(Messages.get("steps.input"), left - text * 0.5, text * 0.8);
        g.fillText(Messages.get("steps.soFar"), left - text * 0.5, top + units * cellH + text);
        if (readCounts != null) {
            g.fillText(Messages.get("steps.readOut"), left - text * 0.5, top + units * cellH + text * 2.6);
        }
        drawUnitNumbers(g, units, left, top, cellH, text);
        drawColourBar(g, width - right + text * 0.8, top, Math.min(units * cellH, text * 12), text);
    }

    /** Every unit's number where the rows are tall enough, else every fifth. */
    private static void drawUnitNumbers(GraphicsContext g, int units, double left, double top, double cellH, double text) {
        int every = cellH >= text * 0.9 ? 1 : 5;
        g.setFill(MUTED);
        g.setFont(Font.font(Math.min(text, Math.max(cellH * 0.9, text * 0.8))));
        for (int u = 0; u < units; u++) {
            if ((u + 1) % every == 0 || u == 0) {
                g.fillText(Messages.get("steps.unit", u + 1), left - text * 0.5, top + u * cellH + cellH / 2);
            }
        }
        g.setFont(Font.font(text));
    }

    private static void drawColourBar(GraphicsContext g, double x, double top, double barHeight, double text) {
        double barWidth = text * 0.9;
        for (int i = 0; i < 100; i++) {
            g.setFill(color(1 - 2 * i / 99.0));
            g.fillRect(x, top + barHeight * i / 100, barWidth, Math.ceil(barHeight / 100) + 1);
        }
        g.setStroke(MUTED);
        g.strokeRect(x, top, barWidth, barHeight);
        g.setFill(INK);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("+1", x + barWidth + text * 0.3, top);
        g.fillText("0", x + barWidth + text * 0.3, top + barHeight / 2);
        g.fillText("\u22121", x + barWidth + text * 0.3, top + barHeight);
    }

    private static Color color(double value) {
        double v = Math.max(-1, Math.min(1, value));
        return v >= 0 ? Color.WHITE.interpolate(POSITIVE, v) : Color.WHITE.interpolate(NEGATIVE, -v);
    }
}
