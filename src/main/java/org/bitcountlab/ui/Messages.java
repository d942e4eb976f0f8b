package org.bitcountlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The UI's text, from {@code messages*.properties}, in the default locale. */
public final class Messages {

    static final String BUNDLE = "org.bitcountlab.ui.messages";
    static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The language the window speaks: the default locale's, if translated, else English. */
    public static Locale language() {
        Locale current = Locale.getDefault();
        return current.getLanguage().equals(Locale.CHINESE.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public static String get(String key, Object... arguments) {
        String pattern = bundle().getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(arguments);
    }
}
