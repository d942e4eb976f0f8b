package org.bitcountlab.ui.counter;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.bitcountlab.core.inspect.UnitScatter;
import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.Messages;

/**
 * One unit's state (up) against the ones counted so far (across), one faint dot per prefix of the
 * held-out strings and the mean for each count as a line: a counting unit climbs or falls in steps.
 */
public final class UnitScatterView extends CanvasView {

    private static final Color DOT = Color.web("#1f6feb", 0.12);
    private static final Color MEAN = Color.web("#e8710a");
    private static final Color INK = Color.web("#1f2a44");
    private static final Color MUTED = Color.web("#57606a");
    private UnitScatter scatter;
    private boolean cell;

    public UnitScatterView() {
        super("unit-scatter-view");
        setMinSize(200, 150);
        setPrefSize(420, 300);
    }

    /** @param showCell the cell state rather than the hidden state */
    public void show(UnitScatter newScatter, boolean showCell) {
        scatter = newScatter;
        cell = showCell;
        if (newScatter != null) {
            setAccessibleText(Messages.get("counter.scatter.title", newScatter.unit() + 1));
        }
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (scatter == null) {
            return;
        }
        double text = textSize();
        float[] state = cell ? scatter.cell() : scatter.hidden();
        int maxCount = 0;
        float low = -1;
        float high = 1;
        for (int i = 0; i < scatter.points(); i++) {
            maxCount = Math.max(maxCount, scatter.count()[i]);
            low = Math.min(low, state[i]);
            high = Math.max(high, state[i]);
        }
        Font font = Font.font(text);
        g.setFill(INK);
        g.setFont(Font.font(null, FontWeight.BOLD, text));
        g.setTextAlign(TextAlignment.CENTER);
        double titleHeight = fillWrapped(g,
                Messages.get(cell ? "counter.scatter.titleCell" : "counter.scatter.title", scatter.unit() + 1),
                width / 2, 0, width - text);
        double left = textWidth(font, "+0.0") + text * 0.8;
        double top = titleHeight + text * 0.8;
        double bottom = lineHeight(font) * 2.4;
        double plotW = Math.max(0, width - left - text);
        double plotH = Math.max(0, height - top - bottom);
        plotArea(left, top, plotW, plotH);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(font);
        double[] sums = new double[maxCount + 1];
        int[] counts = new int[maxCount + 1];
        g.setFill(DOT);
        for (int i = 0; i < scatter.points(); i++) {
            int c = scatter.count()[i];
            double x = left + plotW * (c + 0.5) / (maxCount + 1) + jitter(i) * plotW / (maxCount + 1) * 0.5;
            double y = top + plotH * (high - state[i]) / (high - low);
            g.fillRect(x - 1, y - 1, 2.5, 2.5);
            sums[c] += state[i];
            counts[c]++;
        }
        g.setStroke(MEAN);
        g.setLineWidth(3);
        g.beginPath();
        boolean first = true;
        for (int c = 0; c <= maxCount; c++) {
            if (counts[c] > 0) {
                double x = left + plotW * (c + 0.5) / (maxCount + 1);
                double y = top + plotH * (high - sums[c] / counts[c]) / (high - low);
                if (first) {
                    g.moveTo(x, y);
                    first = false;
                } else {
                    g.lineTo(x, y);
                }
            }
        }
        g.stroke();
        g.setLineWidth(1);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        fillText(g, String.format(Messages.numberLocale(), "%+.1f", high), left - text * 0.3, top);
        fillText(g, String.format(Messages.numberLocale(), "%+.1f", low), left - text * 0.3, top + plotH);
        g.setTextAlign(TextAlignment.CENTER);
        int stride = labelStride(textWidth(font, "20"), plotW / (maxCount + 1), text * 0.5);
        for (int c = 0; c <= maxCount; c += stride) {
            fillText(g, Integer.toString(c), left + plotW * (c + 0.5) / (maxCount + 1), top + plotH + lineHeight(font) * 0.7);
        }
        fillText(g, Messages.get("counter.scatter.x"), left + plotW / 2, top + plotH + lineHeight(font) * 1.8);
    }

    /** A fixed spread across each count's column, so that the dots do not hide each other. */
    private static double jitter(int i) {
        return ((i * 2654435761L) % 1000) / 1000.0 - 0.5;
    }
}
