package org.bitcountlab.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The window's rivals for the processor run at nice 10: background work and the JIT's compilers. */
class BackgroundPriorityTest {

    @BeforeEach
    void onLinux() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "nice values are set on Linux only");
    }

    @Test
    void aBackgroundThreadLowersItsOwnPriority() throws InterruptedException {
        AtomicInteger nice = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            nice.set(niceOf(Path.of("/proc/thread-self")));
        });
        thread.start();
        thread.join();
        assertEquals(10, nice.get());
    }

    @Test
    void theCompilerThreadsRunAtTheLowerPriority() {
        BackgroundPriority.forTheCompilers();
        List<Path> compilers = compilerThreads();
        assertFalse(compilers.isEmpty(), "this JVM lists its compiler threads");
        for (Path compiler : compilers) {
            assertEquals(10, niceOf(compiler), compiler + " " + read(compiler.resolve("comm")));
        }
    }

    @Test
    void jnaLoadsItsNativeLibraryFromTheBuildNotFromACopyOutOfItsJar() {
        BackgroundPriority.lowerCurrentThread(); // loads JNA, if nothing has yet
        Path folder = BackgroundPriority.dispatchLibraryFolder()
                .orElseThrow(() -> new AssertionError("the build puts JNA's native library in target/lib"));
        assertEquals(folder.resolve(System.mapLibraryName("jnidispatch")).toString(), System.getProperty("jnidispatch.path"));
    }

    private static List<Path> compilerThreads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> read(task.resolve("comm")).matches("C[12] CompilerThre.*")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nice value, the 19th field of the thread's stat line (after its parenthesised name). */
    private static int niceOf(Path task) {
        String stat = read(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
