package org.bitcountlab.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

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

    private final Canvas canvas = new Canvas();
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
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);
}
