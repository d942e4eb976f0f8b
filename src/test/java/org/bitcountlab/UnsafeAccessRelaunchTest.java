package org.bitcountlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A bare java -jar on JDK 24+ runs the app in a child JVM that allows Unsafe's memory access, once. */
class UnsafeAccessRelaunchTest {

    private static final Optional<String> JAVA = Optional.of("/jdk/bin/java");

    @Test
    void theChildGetsTheSameOptionsPlusTheOneThatSilencesTheWarningAndRunsTheSameCommand() {
        List<String> command = UnsafeAccessRelaunch.command(JAVA, List.of("-Xmx1g", "-Dx=1"), "app.jar",
                new String[] {"train", "--epochs", "2"}).orElseThrow();
        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx1g", "-Dx=1",
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Dbitcount.relaunched=true", "-cp", "app.jar", "org.bitcountlab.Launcher", "train", "--epochs", "2");
    }

    @Test
    void givenTheOptionAlreadyOrWithoutAJavaOrClassPathTheAppRunsWhereItIs() {
        assertThat(UnsafeAccessRelaunch.command(JAVA, List.of("--sun-misc-unsafe-memory-access=allow"), "app.jar",
                new String[0])).isEmpty();
        assertThat(UnsafeAccessRelaunch.command(Optional.empty(), List.of(), "app.jar", new String[0])).isEmpty();
        assertThat(UnsafeAccessRelaunch.command(JAVA, List.of(), "", new String[0])).isEmpty();
        assertThat(UnsafeAccessRelaunch.command(Optional.of("/opt/bitcount-lstm-lab/bin/bitcount-lstm-lab"), List.of(),
                "app.jar", new String[0])).as("an installer's launcher takes no JVM options").isEmpty();
        assertThat(UnsafeAccessRelaunch.command(Optional.of("C:\\jdk\\bin\\java.exe"), List.of(), "app.jar",
                new String[0])).isPresent();
    }

    @Test
    void nativeAccessAlreadyGivenIsNotGivenTwice() {
        List<String> command = UnsafeAccessRelaunch.command(JAVA, List.of("--enable-native-access=javafx.graphics,ALL-UNNAMED"),
                "app.jar", new String[0]).orElseThrow();
        assertThat(command).filteredOn(option -> option.startsWith("--enable-native-access")).hasSize(1);
    }

    /** Before JDK 24 there is nothing to silence; from 24 on the tests' JVM is given the option. */
    @Test
    void theTestsJvmRunsTheAppItself() {
        assertThat(UnsafeAccessRelaunch.runIfNeeded(new String[] {"help"})).isEmpty();
    }
}
