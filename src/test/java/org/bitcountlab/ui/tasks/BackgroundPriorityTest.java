package org.bitcountlab.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On Linux, background work and the JIT compiler run at a lower priority than the window's threads. */
class BackgroundPriorityTest {

    @BeforeEach
    void onLinuxAtNormalPriority() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux, with /proc");
        assumeTrue(nice(Path.of("/proc/thread-self")) < 10, "the tests themselves run above the background priority");
    }

    @Test
    void aBackgroundThreadLowersItsOwnPriority() throws Exception {
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        Thread thread = new Thread(() -> {
            before.set(nice(Path.of("/proc/thread-self")));
            BackgroundPriority.lowerCurrentThread();
            after.set(nice(Path.of("/proc/thread-self")));
        });
        thread.start();
        thread.join();

        assertThat(before.get()).isLessThan(10);
        assertThat(after.get()).isEqualTo(10);
    }

    @Test
    void theCompilerThreadsYieldToTheWindow() throws IOException {
        BackgroundPriority.forTheCompiler();

        List<Integer> compilers = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        int mine = nice(Path.of("/proc/thread-self"));
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(task.resolve("comm")).strip();
                (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? compilers : others).add(nice(task));
            }
        }
        assertThat(compilers).as("HotSpot's C1 and C2 threads").isNotEmpty().containsOnly(10);
        assertThat(others).as("this test's own thread among the rest").contains(mine);
        assertThat(mine).isLessThan(10);
    }

    /** A thread's nice value: field 19 of its stat line, counted after the name in parentheses. */
    private static int nice(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
