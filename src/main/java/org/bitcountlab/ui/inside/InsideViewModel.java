package org.bitcountlab.ui.inside;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.model.StepTrace;
import org.bitcountlab.ui.state.CurrentString;
import org.bitcountlab.ui.state.ModelReadout;

/** Inside the LSTM: the state after every step for the string in the bit editor. */
public final class InsideViewModel {

    private final CurrentString string;
    private final BooleanProperty showCell = new SimpleBooleanProperty(this, "showCell", false);
    private final ObjectBinding<double[]> readCounts;

    public InsideViewModel(CurrentString string, ModelReadout readout) {
        this.string = string;
        readCounts = Bindings.createObjectBinding(() -> {
            CountReadout fitted = readout.ofModelShown();
            StepTrace trace = string.traceProperty().get();
            return fitted == null || trace == null ? null : fitted.readCounts(trace);
        }, readout.readoutProperty(), string.traceProperty());
    }

    /** What a linear read-out of the state says the count is after each bit; null until it is fitted. */
    public ObjectBinding<double[]> readCountsProperty() {
        return readCounts;
    }

    public ReadOnlyObjectProperty<StepTrace> traceProperty() {
        return string.traceProperty();
    }

    /** Show the cell state c (the LSTM's memory) rather than the hidden state h. */
    public BooleanProperty showCellProperty() {
        return showCell;
    }
}
