package org.bitcountlab.ui.status;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.StatusLine;

/** The status bar: the latest message, and whether the window is busy with a file. */
public final class StatusViewModel {

    private final StatusLine status;

    public StatusViewModel(StatusLine status) {
        this.status = status;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return status.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }
}
