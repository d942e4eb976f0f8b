package org.bitcountlab.ui.lessons;

import java.util.Locale;
import java.util.Map;

/**
 * A text of a lesson in the languages it was written in; English is always there, and stands in
 * for a language the lesson lacks.
 */
public record LessonText(Map<String, String> byLanguage) {

    public LessonText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in {@code language}'s tongue, else in English. */
    public String in(Locale language) {
        return byLanguage.getOrDefault(language.getLanguage(), byLanguage.get("en"));
    }
}
