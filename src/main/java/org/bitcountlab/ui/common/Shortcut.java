package org.bitcountlab.ui.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts, on keys no common input method or system claims: the platform's
 * own shortcut key (Ctrl, or Cmd on a Mac) with Enter, E, O and S, and function keys. Ctrl+Space,
 * which trained before, switches the input method on Linux and Windows with a Chinese IME and the
 * input source on a Mac, so a teacher pressing it got the IME; it trains no more.
 */
public enum Shortcut {
    TRAIN_OR_PAUSE(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), "keys.trainOrPause"),
    STEP(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), "keys.step"),
    OPEN(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), "keys.open"),
    SAVE(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), "keys.save"),
    PRESENTATION(new KeyCodeCombination(KeyCode.F5), "keys.presentation"),
    /** A presenter's remote sends Page Down and Page Up for its two buttons. */
    LESSON_NEXT(new KeyCodeCombination(KeyCode.PAGE_DOWN), "keys.lessonNext"),
    LESSON_BACK(new KeyCodeCombination(KeyCode.PAGE_UP), "keys.lessonBack"),
    SHOW_ME(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), "keys.showMe"),
    HELP(new KeyCodeCombination(KeyCode.F1), "keys.help");

    private final KeyCombination keys;
    private final String actionKey;

    Shortcut(KeyCombination keys, String actionKey) {
        this.keys = keys;
        this.actionKey = actionKey;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** The keys as this platform writes them: "Ctrl+Enter", or the Mac's command sign. */
    public String display() {
        return keys.getDisplayText();
    }

    /** What the keys do, in words. */
    public Message action() {
        return new Message(actionKey);
    }
}
