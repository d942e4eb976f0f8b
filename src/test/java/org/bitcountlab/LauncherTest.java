package org.bitcountlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A double-clicked model opens the window on it; anything else that looks like a command stays a command. */
class LauncherTest {

    @Test
    void aSingleModelFileOpensTheWindowOnIt() {
        assertThat(Launcher.modelToOpen(new String[] {"/home/teacher/lesson 3.bitcount.zip"}))
                .contains(Path.of("/home/teacher/lesson 3.bitcount.zip"));
        assertThat(Launcher.modelToOpen(new String[] {"MODEL.BITCOUNT.ZIP"}))
                .contains(Path.of("MODEL.BITCOUNT.ZIP").toAbsolutePath());
        // missing, or not a model: the window refuses it as the Open button would
        assertThat(Launcher.modelToOpen(new String[] {"no-such-file.zip"})).isPresent();
    }

    @Test
    void commandsOptionsAndSeveralArgumentsStayCommands() {
        assertThat(Launcher.modelToOpen(new String[] {"train"})).isEmpty();
        assertThat(Launcher.modelToOpen(new String[] {"--help"})).isEmpty();
        assertThat(Launcher.modelToOpen(new String[] {"--save=model.bitcount.zip"})).isEmpty();
        assertThat(Launcher.modelToOpen(new String[] {"evaluate", "model.bitcount.zip"})).isEmpty();
        assertThat(Launcher.modelToOpen(new String[] {"model.bitcount"})).isEmpty();
        assertThat(Launcher.modelToOpen(new String[0])).isEmpty();
    }
}
