package org.bitcountlab.ui.runs;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.bitcountlab.core.sweep.FinalFigure;
import org.bitcountlab.core.sweep.Spread;
import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.TextWidth;

/**
 * A sweep's result: training and held-out error against the varied setting (log axis), each a
 * line through the mean over seeds inside a shaded band from the lowest to the highest seed. A gap
 * between the two lines is overfitting; both high is a network too small or data too few. The
 * error axis follows the data (0 to the next round figure above the highest seed) so that a few
 * percent stays readable.
 */
public final class SweepChart extends CanvasView {

    private static final Color TRAINING = Color.web("#1f6feb");
    private static final Color HELD_OUT = Color.web("#e8710a");
    private static final Color INK = Color.web("#1f2a44");
    private static final Color MUTED = Color.web("#57606a");
    private static final Color GRID = Color.web("#d0d7de");
    private static final double[] ROUND_TOPS = {5, 10, 20, 25, 50, 100};

    private SweepPlan plan;
    private List<SweepPoint> points = List.of();
    private boolean running;

    public SweepChart() {
        super("sweep-chart");
        setMinSize(300, 240);
        setPrefSize(640, 420);
    }

    /**
     * The sweep to draw: its plan sets the x axis, {@code finished} the points drawn so far;
     * {@code running} whether more may come.
     */
    public void show(SweepPlan newPlan, List<SweepPoint> finished, boolean running) {
        plan = newPlan;
        points = finished.stream().sorted(Comparator.comparingInt(SweepPoint::value)).toList();
        this.running = running;
        setAccessibleText(title());
        redraw();
    }

    /** What the plot says while it has no point: that one is coming, or that none will; empty otherwise. */
    public String emptyText() {
        if (plan == null || !points.isEmpty()) {
            return "";
        }
        return (running ? new Message("sweep.chart.waiting", plan.seeds()) : new Message("sweep.chart.stopped")).text();
    }

    public List<SweepPoint> points() {
        return points;
    }

    public String title() {
        return plan == null ? new Message("sweep.chart.none").text()
                : new Message("sweep.chart.title." + plan.variable().id()).text();
    }

    /** What a point and its band are, and which figure of a run they use. */
    public String caption() {
        return plan == null ? "" : new Message("sweep.chart.caption", plan.seeds(), FinalFigure.EPOCHS).text();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double text = textSize();
        Font font = Font.font(text);
        g.setFill(INK);
        g.setFont(Font.font(null, FontWeight.BOLD, text * 1.1));
        g.setTextAlign(TextAlignment.CENTER);
        double titleHeight = fillWrapped(g, title(), width / 2, 0, width - text);
        if (plan == null) {
            return;
        }
        g.setFont(font);
        double legendHeight = drawLegend(g, text * 0.5, titleHeight + text * 0.3, width - text, text);
        Font captionFont = Font.font(text);
        double captionHeight = wrappedHeight(captionFont, caption(), width - text);
        double left = textWidth(font, "100%") + lineHeight(font) + text * 0.8;
        double top = titleHeight + legendHeight + lineHeight(font);
        double bottom = height - captionHeight - lineHeight(font) * 2.3;
        Plot plot = new Plot(left, top, width - text * 1.5, Math.max(top, bottom), plan.values(), top());
        plotArea(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top);
        drawAxes(g, plot, text);
        if (points.isEmpty()) {
            g.setFill(MUTED);
            g.setTextAlign(TextAlignment.CENTER);
            fillWrapped(g, emptyText(), (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2 - lineHeight(font),
                    plot.right - plot.left);
        }
        drawFigure(g, plot, text, SweepPoint::trainingError, TRAINING);
        drawFigure(g, plot, text, SweepPoint::heldOutError, HELD_OUT);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(captionFont);
        fillWrapped(g, caption(), width / 2, height - captionHeight, width - text);
    }

    /** The error axis's top: the next round figure above every seed's error, at least 5%. */
    private double top() {
        double highest = 0;
        for (SweepPoint point : points) {
            highest = Math.max(highest, highestOf(point.trainingError()));
            highest = Math.max(highest, highestOf(point.heldOutError()));
        }
        for (double top : ROUND_TOPS) {
            if (highest <= top) {
                return top;
            }
        }
        return 100;
    }

    private static double highestOf(Spread spread) {
        return Double.isNaN(spread.max()) ? 0 : spread.max();
    }

    /** The three legend entries, on as many lines as the width needs; returns the height used. */
    private double drawLegend(GraphicsContext g, double left, double top, double maxWidth, double text) {
        double line = lineHeight(g.getFont());
        String[] labels = {new Message("sweep.legend.training").text(), new Message("sweep.legend.heldOut").text(),
                new Message("sweep.legend.band").text()};
        double x = left;
        double y = top + line / 2;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < labels.length; i++) {
            double entry = text * 2 + widthOf(labels[i], g.getFont()) + text;
            if (x > left && x + entry > left + maxWidth) {
                x = left;
                y += line * 1.2;
            }
            if (i < 2) {
                legendEntry(g, x, y, text, i == 0 ? TRAINING : HELD_OUT, labels[i]);
            } else {
                g.setFill(MUTED.deriveColor(0, 1, 1, 0.25));
                g.fillRect(x, y - text * 0.45, text * 1.6, text * 0.9);
                g.setFill(MUTED);
                fillText(g, labels[i], x + text * 2, y);
            }
            x += entry;
        }
        return y + line / 2 - top;
    }

    private void legendEntry(GraphicsContext g, double x, double y, double text, Color color, String label) {
        g.setStroke(color);
        g.setLineWidth(Math.max(2, text / 4.5));
        g.strokeLine(x, y, x + text * 1.6, y);
        g.setFill(color);
        g.fillOval(x + text * 0.8 - text * 0.3, y - text * 0.3, text * 0.6, text * 0.6);
        g.setFill(INK);
        fillText(g, label, x + text * 2, y);
    }

    private static double widthOf(String label, Font font) {
        return TextWidth.of(font, label);
    }

    private void drawAxes(GraphicsContext g, Plot plot, double text) {
        g.setLineWidth(1);
        g.setStroke(GRID);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.RIGHT);
        double step = plot.topError / 5;
        int stride = labelStride(lineHeight(g.getFont()), (plot.bottom - plot.top) / 5, text * 0.2);
        for (int i = 0; i <= 5; i++) {
            double percent = i * step;
            double y = plot.y(percent);
            g.strokeLine(plot.left, y, plot.right, y);
            if (i % stride == 0) {
                fillText(g, Formats.decimals(percent, percent == Math.rint(percent) ? 0 : 1) + "%", plot.left - text * 0.3, y);
            }
        }
        g.save();
        g.translate(lineHeight(g.getFont()) / 2, (plot.top + plot.bottom) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        fillText(g, new Message("sweep.axis.error").text(), 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.CENTER);
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int value : plan.values().stream().sorted().toList()) {
            double x = plot.x(value);
            g.setStroke(GRID);
            g.strokeLine(x, plot.top, x, plot.bottom);
            String label = Formats.grouped(value);
            double halfWidth = widthOf(label, g.getFont()) / 2;
            if (x - halfWidth > lastRight + text * 0.4) { // skip a label that would overlap its neighbour
                g.setFill(MUTED);
                fillText(g, label, x, plot.bottom + lineHeight(g.getFont()) * 0.7);
                lastRight = x + halfWidth;
            }
        }
        g.setFill(INK);
        fillText(g, new Message("sweep.axis.x", SweepForm.variableName(plan.variable())).text(),
                (plot.left + plot.right) / 2, plot.bottom + lineHeight(g.getFont()) * 1.8);
    }

    /** The band from the lowest to the highest seed, a bar at each point, and the line through the means. */
    private void drawFigure(GraphicsContext g, Plot plot, double text, Function<SweepPoint, Spread> figure,
            Color color) {
        List<SweepPoint> drawn = points.stream().filter(p -> !Double.isNaN(figure.apply(p).mean())).toList();
        int n = drawn.size();
        if (n >= 2) {
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int i = 0; i < n; i++) {
                Spread spread = figure.apply(drawn.get(i));
                xs[i] = plot.x(drawn.get(i).value());
                ys[i] = plot.y(spread.max());
                xs[2 * n - 1 - i] = xs[i];
                ys[2 * n - 1 - i] = plot.y(spread.min());
            }
            g.setFill(color.deriveColor(0, 1, 1, 0.18));
            g.fillPolygon(xs, ys, 2 * n);
        }
        g.setStroke(color);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(Math.max(1.5, text / 8));
        for (SweepPoint point : drawn) {
            Spread spread = figure.apply(point);
            g.strokeLine(plot.x(point.value()), plot.y(spread.min()), plot.x(point.value()), plot.y(spread.max()));
        }
        g.setLineWidth(Math.max(2.5, text / 4.5));
        for (int i = 1; i < n; i++) {
            g.strokeLine(plot.x(drawn.get(i - 1).value()), plot.y(figure.apply(drawn.get(i - 1)).mean()),
                    plot.x(drawn.get(i).value()), plot.y(figure.apply(drawn.get(i)).mean()));
        }
        g.setFill(color);
        double radius = text * 0.35;
        for (SweepPoint point : drawn) {
            g.fillOval(plot.x(point.value()) - radius, plot.y(figure.apply(point).mean()) - radius, 2 * radius,
                    2 * radius);
        }
    }

    /** Where a value and an error land on the canvas: log scale across, linear up. */
    private static final class Plot {
        final double left;
        final double top;
        final double right;
        final double bottom;
        final double topError;
        private final double logMin;
        private final double logMax;

        Plot(double left, double top, double right, double bottom, List<Integer> values, double topError) {
            this.left = left;
            this.top = top;
            this.right = right;
            this.bottom = bottom;
            this.topError = topError;
            double lo = Math.log10(values.stream().mapToInt(Integer::intValue).min().orElse(1));
            double hi = Math.log10(values.stream().mapToInt(Integer::intValue).max().orElse(10));
            double margin = hi > lo ? (hi - lo) * 0.06 : 0.3; // keep the end points off the frame
            logMin = lo - margin;
            logMax = hi + margin;
        }

        double x(int value) {
            return left + (right - left) * (Math.log10(value) - logMin) / (logMax - logMin);
        }

        double y(double percent) {
            return bottom - (bottom - top) * percent / topError;
        }
    }
}
