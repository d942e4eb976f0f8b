package org.bitcountlab.ui.settings;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;

/**
 * One number the user types: its text as shown, and why it is not acceptable (null when it is).
 * The text is read with the locale's number format, exactly as the field writes it.
 */
public final class NumberField {

    private final String nameKey;
    private final boolean whole;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>(this, "error");

    private NumberField(String nameKey, boolean whole) {
        this.nameKey = nameKey;
        this.whole = whole;
    }

    static NumberField whole(String nameKey) {
        return new NumberField(nameKey, true);
    }

    static NumberField decimal(String nameKey) {
        return new NumberField(nameKey, false);
    }

    /** The whole number typed if it lies in [min, max]; else null, and the field says why. */
    Long check(long min, long max) {
        OptionalLong value = LocaleNumbers.parseInteger(text.get());
        if (value.isEmpty()) {
            error.set(new Message("validation.integer", new Message(nameKey)));
            return null;
        }
        if (value.getAsLong() < min || value.getAsLong() > max) {
            error.set(new Message("validation.range", new Message(nameKey), min, max));
            return null;
        }
        error.set(null);
        return value.getAsLong();
    }

    /** The number typed if it lies in (0, max]; else null, and the field says why. */
    Double checkPositive(double max) {
        OptionalDouble value = LocaleNumbers.parseDecimal(text.get());
        if (value.isEmpty()) {
            error.set(new Message("validation.number", new Message(nameKey), LocaleNumbers.decimalExample()));
            return null;
        }
        if (!(value.getAsDouble() > 0 && value.getAsDouble() <= max)) {
            error.set(new Message("validation.positive", new Message(nameKey), LocaleNumbers.formatDecimal(max)));
            return null;
        }
        error.set(null);
        return value.getAsDouble();
    }

    /** Marks the field with a problem found beyond its own range, such as the memory a run needs. */
    void reject(Message why) {
        error.set(why);
    }

    void show(double value) {
        text.set(whole ? LocaleNumbers.formatInteger((long) value) : LocaleNumbers.formatDecimal(value));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get() == null;
    }
}
