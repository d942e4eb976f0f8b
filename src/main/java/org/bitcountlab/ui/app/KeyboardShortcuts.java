package org.bitcountlab.ui.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

import org.bitcountlab.ui.biteditor.BitEditorViewModel;
import org.bitcountlab.ui.common.Shortcut;
import org.bitcountlab.ui.lessons.LessonsViewModel;
import org.bitcountlab.ui.state.Presentation;
import org.bitcountlab.ui.training.TrainingViewModel;

/**
 * Keys for a teacher at a projector. The {@link Shortcut}s work anywhere: train, pause and resume;
 * one epoch; presentation mode; the keys' help (F1, or ? where no text is typed). Plain keys never
 * steal a focused button, checkbox or text field: Space trains and the digits flip bits (1-9, 0 for
 * bits 1-10, with Shift 11-20) only while the bit editor or the learning curve has the focus.
 */
final class KeyboardShortcuts {

    private final Scene scene;
    private final TrainingViewModel training;
    private final BitEditorViewModel bits;
    private final Presentation presentation;
    private final Runnable help;
    private final LessonsViewModel lessons;

    private KeyboardShortcuts(Scene scene, ViewModels viewModels, Runnable help) {
        this.scene = scene;
        this.training = viewModels.training();
        this.bits = viewModels.bits();
        this.presentation = viewModels.lab().presentation();
        this.help = help;
        this.lessons = viewModels.lessons();
    }

    /** @param help shows the keys' help */
    static void install(Scene scene, ViewModels viewModels, Runnable help) {
        KeyboardShortcuts keys = new KeyboardShortcuts(scene, viewModels, help);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys::pressed);
    }

    private void pressed(KeyEvent event) {
        boolean taken = true;
        if (Shortcut.PRESENTATION.keys().match(event)) {
            presentation.onProperty().set(!presentation.onProperty().get());
        } else if (Shortcut.TRAIN_OR_PAUSE.keys().match(event)) {
            trainOrPause();
        } else if (Shortcut.STEP.keys().match(event)) {
            training.step();
        } else if (lessons.lessonProperty().get() != null && Shortcut.LESSON_NEXT.keys().match(event)) {
            lessons.next();
        } else if (lessons.lessonProperty().get() != null && Shortcut.LESSON_BACK.keys().match(event)) {
            lessons.back();
        } else if (lessons.lessonProperty().get() != null && Shortcut.SHOW_ME.keys().match(event)) {
            lessons.showMe();
        } else if (Shortcut.HELP.keys().match(event)
                || event.getText().equals("?") && !(scene.getFocusOwner() instanceof TextInputControl)) {
            help.run();
        } else {
            taken = !event.isShortcutDown() && !event.isAltDown() && plainKey(event);
        }
        if (taken) {
            event.consume();
        }
    }

    /** Space and the digits, when the bit editor or the chart has the focus; true when the key was taken. */
    private boolean plainKey(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code.isDigitKey() && (inArea("bit-editor") || inArea("error-chart"))) {
            int digit = code.getCode() - (code.isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
            bits.flip((digit == 0 ? 10 : digit) - 1 + (event.isShiftDown() ? 10 : 0));
            return true;
        }
        if (code == KeyCode.SPACE && inArea("error-chart")) {
            trainOrPause();
            return true;
        }
        return false;
    }

    private void trainOrPause() {
        if (training.runningProperty().get()) {
            training.togglePause();
        } else {
            training.train();
        }
    }

    private boolean inArea(String styleClass) {
        for (Node node = scene.getFocusOwner(); node != null; node = node.getParent()) {
            if (node.getStyleClass().contains(styleClass)) {
                return true;
            }
        }
        return false;
    }
}
