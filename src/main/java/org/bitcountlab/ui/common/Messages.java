package org.bitcountlab.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's text, from {@code messages*.properties}. The language follows the display locale,
 * numbers the format locale: switching the language never changes how a number is written or read.
 */
public final class Messages {

    public static final String BUNDLE = "org.bitcountlab.ui.messages";
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    // without this, a missing translation would fall back to the JVM's default locale, not to English
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, language(), NO_FALLBACK);
    }

    /** The language the window speaks: the display locale's, if translated, else English. */
    public static Locale language() {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        return display.getLanguage().equals(Locale.CHINESE.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public static void setLanguage(Locale language) {
        Locale.setDefault(Locale.Category.DISPLAY, language);
    }

    /** The locale numbers are written and read in. */
    public static Locale numberLocale() {
        return Locale.getDefault(Locale.Category.FORMAT);
    }

    public static String get(String key, Object... arguments) {
        String pattern = bundle().getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, numberLocale()).format(arguments);
    }
}
