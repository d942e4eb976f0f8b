package org.bitcountlab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts the app again, once, with {@code --sun-misc-unsafe-memory-access=allow} when a bare
 * {@code java -jar} runs it on JDK 24 or newer.
 *
 * <p>JavaFX 21's renderer and JavaCPP (under DL4J) use {@code sun.misc.Unsafe}'s memory access,
 * which those JDKs report on the console ("WARNING: A terminally deprecated method in
 * sun.misc.Unsafe has been called") unless that option is given. No manifest attribute can give
 * it, and JDK 17 refuses the option, so the installers' launchers, {@code mvn javafx:run} and the
 * tests pass it themselves from JDK 24 on; a plain {@code java -jar} cannot. Here the app runs in a
 * child JVM with the same JVM options plus that one (and native access, which the manifest gives
 * an executable jar but not a class path). The child shares this process's console; a signal sent
 * to this process alone (a kill) is passed on as SIGTERM, and this process ends with the child's
 * exit status once the child has ended.
 */
final class UnsafeAccessRelaunch {

    static final String OPTION = "--sun-misc-unsafe-memory-access";
    /** Set on the child, so that it never starts another. */
    static final String RELAUNCHED = "bitcount.relaunched";

    private UnsafeAccessRelaunch() {
    }

    /** The child's exit status if the app ran in a child, or empty if it runs here. */
    static OptionalInt runIfNeeded(String[] args) {
        if (Runtime.version().feature() < 24 || Boolean.getBoolean(RELAUNCHED)) {
            return OptionalInt.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path", "");
        Optional<List<String>> command = command(java, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                classPath, args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty(); // run here, with the warning, rather than not at all
        }
        Thread passOn = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
            }
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pass-signal-to-app");
        Runtime.getRuntime().addShutdownHook(passOn);
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // the main thread is not interrupted by anything but the JVM's exit; keep waiting
            }
        }
    }

    /**
     * The child's command line, or empty where the app should run in this JVM: the option was given
     * already, the class path is unknown, or this process was not started by a {@code java}
     * executable (an installer's launcher passes its options itself and takes no JVM options).
     */
    static Optional<List<String>> command(Optional<String> java, List<String> jvmOptions, String classPath,
            String[] args) {
        if (java.isEmpty() || !isJava(java.get()) || classPath.isBlank()
                || jvmOptions.stream().anyMatch(option -> option.startsWith(OPTION))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmOptions);
        command.add(OPTION + "=allow");
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("--enable-native-access"))) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    private static boolean isJava(String executable) {
        int separator = Math.max(executable.lastIndexOf('/'), executable.lastIndexOf('\\'));
        String name = executable.substring(separator + 1).toLowerCase(java.util.Locale.ROOT);
        return name.equals("java") || name.equals("java.exe");
    }
}
