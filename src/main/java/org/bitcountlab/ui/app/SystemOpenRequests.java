package org.bitcountlab.ui.app;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.LabModel;

/**
 * Model files the operating system asks the app to open: a double-clicked model arrives as the
 * launcher's one argument on Linux and Windows, and as an open-file event on macOS (then also
 * while the app runs). Each is opened as the Open button opens one, so a file that is missing or
 * not a model gets the window's usual refusal. Only once the window shows its first model, though:
 * opened before the pretrained model arrived, the file would be dropped as the window having moved
 * on. Requests made before then wait; of several, the last is opened, as the window shows one model.
 */
final class SystemOpenRequests {

    private static final Object LOCK = new Object();
    /** Asked for before the window could open it; null when nothing waits. */
    private static Path waiting;
    /** Opens a file on the FX thread; null until the window shows a model. */
    private static Consumer<Path> opener;

    private SystemOpenRequests() {
    }

    /**
     * On macOS, takes the open-file events the system sends the app. Call before JavaFX starts:
     * AWT then owns the application's events, and it keeps a file opened with the app until a
     * handler takes it. Elsewhere the file comes as an argument, and AWT is not started for nothing.
     */
    static void listenToTheSystem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return;
        }
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
            Desktop.getDesktop().setOpenFileHandler(event -> {
                List<File> files = event.getFiles();
                if (!files.isEmpty()) {
                    request(files.get(files.size() - 1).toPath());
                }
            });
        }
    }

    /** Asks for {@code file} to be opened, now if the window is ready, else as soon as it is. From any thread. */
    static void request(Path file) {
        Consumer<Path> open;
        synchronized (LOCK) {
            if (opener == null) {
                waiting = file;
                return;
            }
            open = opener;
        }
        Platform.runLater(() -> open.accept(file));
    }

    /**
     * Opens what was asked for with {@code open} once {@code models} shows a model, and what is
     * asked for from then on. Call on the FX thread.
     */
    static void openOnceShown(CurrentModel models, Consumer<Path> open) {
        if (models.get() != null) {
            ready(open);
            return;
        }
        models.modelProperty().addListener(new ChangeListener<LabModel>() {
            @Override
            public void changed(ObservableValue<? extends LabModel> observable, LabModel old, LabModel now) {
                if (now != null) {
                    observable.removeListener(this);
                    ready(open);
                }
            }
        });
    }

    private static void ready(Consumer<Path> open) {
        Path file;
        synchronized (LOCK) {
            opener = open;
            file = waiting;
            waiting = null;
        }
        if (file != null) {
            open.accept(file);
        }
    }
}
