package org.bitcountlab.ui.common;

import java.util.Arrays;

/**
 * A text to show, kept as its bundle key and arguments rather than as a string, so that a view
 * built after a language switch shows it in the new language. Numbers stay numbers until then.
 */
public record Message(String key, Object... arguments) {

    /** Past this, time left reads in minutes. */
    private static final double SECONDS_SHOWN_AS_SECONDS = 120;

    /** "about 40 s left", in minutes from two on; null while not known (negative). */
    public static Message timeLeft(double seconds) {
        if (seconds < 0) {
            return null;
        }
        return seconds < SECONDS_SHOWN_AS_SECONDS ? new Message("eta.format", Math.round(seconds))
                : new Message("eta.minutes", Math.round(seconds / 60));
    }

    /** The text in the current language; an argument that is itself a message is translated too. */
    public String text() {
        Object[] resolved = arguments.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Message nested) {
                resolved[i] = nested.text();
            }
        }
        return Messages.get(key, resolved);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message m && key.equals(m.key) && Arrays.equals(arguments, m.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(arguments);
    }
}
