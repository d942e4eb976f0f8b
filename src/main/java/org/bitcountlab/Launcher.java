package org.bitcountlab;

import org.bitcountlab.cli.BitcountCli;

/**
 * The entry point. With no arguments it opens the desktop app; with a subcommand it runs headless
 * and never touches JavaFX. It does not extend {@code Application}, so the app runs from the plain
 * classpath (DL4J's jars cannot live on the module path).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.bitcountlab.ui.app.DesktopApp.launchApp(args);
        } else {
            System.exit(BitcountCli.run(args));
        }
    }
}
