package org.bitcountlab.ui.lessons;

import java.util.List;

/** A guided lesson: a title, how long it takes, and its cards in order. */
public record Lesson(LessonText title, int minutes, List<LessonCard> cards) {

    public Lesson {
        cards = List.copyOf(cards);
    }
}
