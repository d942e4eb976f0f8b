package org.bitcountlab.ui.lessons;

/** A lesson file refused, with the reason in a sentence a teacher can act on. */
public final class LessonFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public LessonFileException(String message) {
        super(message);
    }
}
