package org.bitcountlab.ui.state;

import java.util.EnumSet;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.NumberBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import org.bitcountlab.ui.common.CanvasView;

/** Presentation mode for a class: on or off, and what it hides (the teacher's choice). */
public final class Presentation {

    /** The parts of the window a teacher may hide from the class. */
    public enum Part { SETTINGS, LOSS_CHART, CHART_TOOLS, EVALUATE, FILES }

    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final DoubleProperty projectorText = new SimpleDoubleProperty(this, "projectorText", CanvasView.PROJECTOR_TEXT);
    private final ObservableSet<Part> hidden = FXCollections.observableSet(EnumSet.allOf(Part.class));

    public BooleanProperty onProperty() {
        return on;
    }

    /** The parts hidden while presentation mode is on. */
    public ObservableSet<Part> hiddenParts() {
        return hidden;
    }

    /** The text size while presenting, in pixels: the window sets it from the screen's height. */
    public DoubleProperty projectorTextProperty() {
        return projectorText;
    }

    /** The text size a canvas view draws with: larger while presenting, for the back of the room. */
    public NumberBinding canvasTextSize() {
        return Bindings.when(on).then(projectorText).otherwise(CanvasView.DESK_TEXT);
    }

    /** True while {@code part} is out of sight. */
    public BooleanBinding hides(Part part) {
        return Bindings.createBooleanBinding(() -> on.get() && hidden.contains(part), on, hidden);
    }
}
