package org.bitcountlab;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.bitcountlab.cli.BitcountCli;

/**
 * The entry point. With no arguments it opens the desktop app; with a model file (how the system
 * starts the app for a double-clicked model) it opens the desktop app on that model; with a
 * subcommand it runs headless and never touches JavaFX. It does not extend {@code Application}, so
 * the app runs from the plain classpath (DL4J's jars cannot live on the module path).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        OptionalInt inChild = UnsafeAccessRelaunch.runIfNeeded(args);
        if (inChild.isPresent()) {
            System.exit(inChild.getAsInt());
        }
        Optional<Path> model = modelToOpen(args);
        if (args.length == 0 || model.isPresent()) {
            org.bitcountlab.ui.app.DesktopApp.launchApp(model);
        } else {
            System.exit(BitcountCli.run(args));
        }
    }

    /**
     * The model file the arguments name, if they are one: a single argument ending in .zip (model
     * files end in .bitcount.zip; no command or option does). Whether it exists and holds a model
     * is the window's to check, which says so as it does for the Open button.
     */
    static Optional<Path> modelToOpen(String[] args) {
        if (args.length != 1 || args[0].startsWith("-") || !args[0].toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(args[0]).toAbsolutePath());
        } catch (InvalidPathException e) {
            return Optional.empty(); // not a path on this system: the command line says what is wrong
        }
    }
}
