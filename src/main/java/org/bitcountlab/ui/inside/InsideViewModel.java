package org.bitcountlab.ui.inside;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

import org.bitcountlab.core.model.StepTrace;
import org.bitcountlab.ui.state.CurrentString;

/** Inside the LSTM: the state after every step for the string in the bit editor. */
public final class InsideViewModel {

    private final CurrentString string;
    private final BooleanProperty showCell = new SimpleBooleanProperty(this, "showCell", false);

    public InsideViewModel(CurrentString string) {
        this.string = string;
    }

    public ReadOnlyObjectProperty<StepTrace> traceProperty() {
        return string.traceProperty();
    }

    /** Show the cell state c (the LSTM's memory) rather than the hidden state h. */
    public BooleanProperty showCellProperty() {
        return showCell;
    }
}
