package org.bitcountlab.ui.state;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;

/** The line at the bottom of the window: the latest thing worth telling the user. */
public final class StatusLine {

    private final ReadOnlyObjectWrapper<Message> message =
            new ReadOnlyObjectWrapper<>(this, "message", new Message("status.ready"));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public void show(String key, Object... arguments) {
        message.set(new Message(key, arguments));
        busy.set(false);
    }

    /** Says what the window is busy with (opening a file, say) until the next message. */
    public void showBusy(String key, Object... arguments) {
        message.set(new Message(key, arguments));
        busy.set(true);
    }

    /**
     * Says that {@code what} failed, why, and where the failure log keeps its details (the
     * executor has written them there).
     */
    public void showFailure(Message what, Throwable error) {
        String why = FailureLog.reason(error);
        show(FailureLog.file().isPresent() ? "status.failure.logged" : "status.failure", what, why,
                FailureLog.file().map(Object::toString).orElse(""));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }
}
