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
import org.bitcountlab.ui.common.Messages;

/**
 * Inside the LSTM for one string: a heatmap of every hidden unit (rows) after every timestep
 * (columns), its hidden state h or its cell state c, blue for -1 through white to orange for +1, with the input bit above each column and,
 * below it, the count the output layer reads from the hidden state after that prefix.
 */
public final class StepView extends CanvasView {

    private static final Color NEGATIVE = Color.web("#1f6feb");
    private static final Color POSITIVE = Color.web("#e8710a");
    private StepTrace trace;
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

    public void show(StepTrace newTrace) {
        this.trace = newTrace;
        redraw();
    }

    public StepTrace trace() {
        return trace;
    }

    /** The value drawn at a timestep and unit, in [-1, 1]; for tests. */
    public double value(int step, int unit) {
        return shown(step, unit);
    }

    private float shown(int step, int unit) {
        return showCell.get() ? FastMath.tanh(trace.cell()[step][unit]) : trace.hidden()[step][unit];
    }


    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (trace == null) {
            return;
        }
        int steps = trace.steps();
        int units = trace.units();
        double font = 13;
        double left = 70;
        double top = font * 2.2;
        double bottom = font * 3.6;
        double cellW = (width - left - 10) / steps;
        double cellH = Math.max(1, (height - top - bottom) / units);
        g.setFont(Font.font(font));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#1f2a44"));
        for (int t = 0; t < steps; t++) {
            double x = left + t * cellW + cellW / 2;
            g.fillText(Integer.toString(BitStrings.bitAt(trace.value(), trace.length(), t)), x, font);
            for (int u = 0; u < units; u++) {
                g.setFill(color(shown(t, u)));
                g.fillRect(left + t * cellW, top + u * cellH, Math.ceil(cellW), Math.ceil(cellH));
            }
            g.setFill(trace.predictedCountAfter(t) == Integer.bitCount(trace.value() >>> (trace.length() - 1 - t))
                    ? Color.web("#1a7f37") : Color.web("#57606a"));
            g.fillText(Integer.toString(trace.predictedCountAfter(t)), x, top + units * cellH + font * 1.1);
            g.setFill(Color.web("#1f2a44"));
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Messages.get("steps.input"), left - 8, font);
        g.fillText(Messages.get("steps.units", units), left - 8, top + units * cellH / 2);
        g.fillText(Messages.get("steps.count"), left - 8, top + units * cellH + font * 1.1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#57606a"));
        g.fillText(Messages.get(showCell.get() ? "steps.legend.cell" : "steps.legend"), left, top + units * cellH + font * 2.7);
    }

    private static Color color(float value) {
        double v = Math.max(-1, Math.min(1, value));
        return v >= 0 ? Color.WHITE.interpolate(POSITIVE, v) : Color.WHITE.interpolate(NEGATIVE, -v);
    }
}
