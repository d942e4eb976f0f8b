package org.bitcountlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A region that fills itself with one canvas and redraws it whenever its size or content changes,
 * while it is showing.
 *
 * <p>A hidden view (on a tab not chosen) is not drawn until it is shown: JavaFX rasterises a
 * canvas's drawing commands even while the canvas is hidden, so the views on the other tabs, most
 * redrawn at every epoch, took half of the render thread's time during training, and the chart in
 * view waited for it. A redraw asked for while hidden is made, once, in the first frame the view
 * shows ({@link WhenShown}).
 */
public abstract class CanvasView extends Region {

    /** Text size for a desk; presentation mode asks for more, for the back of the room. */
    public static final double DESK_TEXT = 13;
    public static final double PROJECTOR_TEXT = 20;

    /** Measures text for the views; used on the FX thread only. */
    private static final Text MEASURE = new Text();

    /**
     * A text the view drew, where it drew it (in the view's coordinates) and at what size; squeezed
     * when it was narrowed to fit a width, which makes it hard to read.
     */
    public record DrawnText(String text, Bounds bounds, double size, boolean squeezed) {
    }

    private final Canvas canvas = new Canvas();
    private final List<DrawnText> drawnTexts = new ArrayList<>();
    private Bounds plotArea;
    private final DoubleProperty textSize = new SimpleDoubleProperty(this, "textSize", DESK_TEXT);
    private final WhenShown drawing = WhenShown.afterLayout(this, this::drawNow);

    protected CanvasView(String styleClass) {
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        textSize.addListener((obs, old, now) -> redraw());
    }

    /** The size of the text drawn, in pixels. */
    public DoubleProperty textSizeProperty() {
        return textSize;
    }

    protected double textSize() {
        return textSize.get();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Clears the canvas and draws the content again, now if the view is showing, else when it shows. */
    protected final void redraw() {
        drawing.request();
    }

    private void drawNow() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        drawnTexts.clear();
        plotArea = null;
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    /** Draws {@code text} as {@link GraphicsContext#fillText(String, double, double)} does, and notes where. */
    protected final void fillText(GraphicsContext g, String text, double x, double y) {
        note(g, text, x, y, Double.NaN);
        g.fillText(text, x, y);
    }

    /** The same, narrowed to {@code maxWidth} when wider: noted as squeezed then. */
    protected final void fillText(GraphicsContext g, String text, double x, double y, double maxWidth) {
        note(g, text, x, y, maxWidth);
        g.fillText(text, x, y, maxWidth);
    }

    /** Notes the rectangle the view plots its data in, for the layout report. */
    protected final void plotArea(double x, double y, double width, double height) {
        plotArea = new BoundingBox(x, y, Math.max(0, width), Math.max(0, height));
    }

    /** The texts drawn by the last draw, in the view's coordinates. */
    public final List<DrawnText> drawnTexts() {
        return List.copyOf(drawnTexts);
    }

    /** Where the last draw plotted its data, or null when it plotted none. */
    public final Bounds plotArea() {
        return plotArea;
    }

    /** The width {@code text} takes in {@code font}. */
    protected static double textWidth(Font font, String text) {
        return TextWidth.of(font, text);
    }

    /**
     * Draws {@code text} in lines no wider than {@code maxWidth}, broken between words, the first
     * line's top at {@code top}, aligned as the context says; returns the height used. A title that
     * does not fit on one line takes two, rather than being squeezed.
     */
    protected final double fillWrapped(GraphicsContext g, String text, double x, double top, double maxWidth) {
        javafx.geometry.VPos baseline = g.getTextBaseline();
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        double line = lineHeight(g.getFont());
        List<String> lines = wrap(g.getFont(), text, maxWidth);
        for (int i = 0; i < lines.size(); i++) {
            fillText(g, lines.get(i), x, top + i * line);
        }
        g.setTextBaseline(baseline);
        return lines.size() * line;
    }

    /** The height {@link #fillWrapped} takes for {@code text}. */
    protected static double wrappedHeight(Font font, String text, double maxWidth) {
        return wrap(font, text, maxWidth).size() * lineHeight(font);
    }

    /** {@code text} broken between words into lines no wider than {@code maxWidth} (a single word may be wider). */
    protected static List<String> wrap(Font font, String text, double maxWidth) {
        List<String> lines = new ArrayList<>();
        // between words, and between the characters of a language written without spaces
        String[] words = text.split("(?<= )|(?<=[\\u3000-\\u9fff\\uff00-\\uffef])(?=[\\u3000-\\u9fff\\uff00-\\uffef])");
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0 && textWidth(font, (line + word).strip()) > maxWidth) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /**
     * Every how many labels to draw so that labels {@code extent} long, {@code spacing} apart, keep
     * {@code gap} between them: 1, 2 or 5 times a power of ten, so that the labels left read 0, 5,
     * 10, 15 rather than 0, 3, 6.
     */
    public static int labelStride(double extent, double spacing, double gap) {
        if (spacing <= 0) {
            return Integer.MAX_VALUE;
        }
        for (int power = 1; power < 1_000_000_000; power *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                if (step * power * spacing >= extent + gap) {
                    return step * power;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The height of a line of text in {@code font}. */
    protected static double lineHeight(Font font) {
        MEASURE.setFont(font);
        MEASURE.setText("0");
        return MEASURE.getLayoutBounds().getHeight();
    }

    private void note(GraphicsContext g, String text, double x, double y, double maxWidth) {
        if (text == null || text.isBlank()) {
            return;
        }
        MEASURE.setFont(g.getFont());
        MEASURE.setText(text);
        Bounds measured = MEASURE.getLayoutBounds();
        double width = measured.getWidth();
        boolean squeezed = !Double.isNaN(maxWidth) && width > maxWidth + 0.5;
        if (squeezed) {
            width = maxWidth;
        }
        double height = measured.getHeight();
        double ascent = -measured.getMinY();
        double left = switch (g.getTextAlign()) {
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
            default -> x;
        };
        double top = switch (g.getTextBaseline()) {
            case TOP -> y;
            case CENTER -> y - height / 2;
            case BOTTOM -> y - height;
            default -> y - ascent;
        };
        Bounds drawn = g.getTransform().transform(new BoundingBox(left, top, width, height));
        drawnTexts.add(new DrawnText(text, drawn, g.getFont().getSize(), squeezed));
    }
}
