package org.bitcountlab.ui.lessons;

import java.util.List;

/**
 * One card of a lesson: a few sentences for the class, a question to ask, and what "Show me" does.
 *
 * @param ask  the question, or null
 * @param show the steps of "Show me", in order; empty when the card shows nothing
 */
public record LessonCard(LessonText title, LessonText say, LessonText ask, List<LessonStep> show) {

    public LessonCard {
        show = List.copyOf(show);
    }
}
