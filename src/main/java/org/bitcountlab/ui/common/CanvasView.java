package org.bitcountlab.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/** A region that fills itself with one canvas and redraws it whenever its size or content changes. */
public abstract class CanvasView extends Region {

    /** Text size for a desk; presentation mode asks for more, for the back of the room. */
    public static final double DESK_TEXT = 13;
    public static final double PROJECTOR_TEXT = 20;

    private final Canvas canvas = new Canvas();
    private final DoubleProperty textSize = new SimpleDoubleProperty(this, "textSize", DESK_TEXT);

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

    /** Clears the canvas and draws the content again. */
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);
}
