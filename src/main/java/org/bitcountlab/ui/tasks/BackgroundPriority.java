package org.bitcountlab.ui.tasks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Background threads yield the processor to the window. Training keeps every core busy; on a
 * two-core laptop the FX and render threads then waited their turn behind it and frames came
 * 50-100 ms apart. A lower priority costs training almost nothing, as the window needs little.
 *
 * <p>Java's thread priorities reach the operating system on Windows; on Linux they are ignored, so
 * there the thread raises its own nice value (which needs no privileges). Elsewhere nothing changes.
 */
public final class BackgroundPriority {

    private static final int NICE = 10;
    private static final long GETTID = switch (System.getProperty("os.arch", "")) {
        case "amd64", "x86_64" -> 186;
        case "aarch64" -> 178;
        default -> -1;
    };
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority; call it first thing on a background thread. */
    public static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (LINUX && GETTID > 0) {
            try {
                int thread = (int) LibC.INSTANCE.syscall(GETTID);
                LibC.INSTANCE.setpriority(0 /* PRIO_PROCESS: on Linux, one thread */, thread, NICE);
            } catch (LinkageError | RuntimeException unavailable) {
                // no native access: the thread keeps its priority, and the window is merely less smooth
            }
        }
    }

    /**
     * The JIT compiler's threads at the lower priority too. On two cores they were the window's
     * main rival: before the first frame the C1 and C2 compilers used about 3 s of processor time
     * against 1.6 s for the JavaFX thread, and at the start of a run they compiled the training
     * code in the window's frames. At nice 10 they compile on whatever processor the window
     * leaves; the code they make is the same. The threads are found by name, as Linux lists them
     * (HotSpot's "C1 CompilerThread0", cut to 15 characters). A JVM may start more of them under
     * load, so this is called again whenever a background thread starts.
     */
    public static void forTheCompilers() {
        if (!LINUX) {
            return;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    LibC.INSTANCE.setpriority(0 /* PRIO_PROCESS */, Integer.parseInt(task.getFileName().toString()), NICE);
                }
            }
        } catch (IOException | LinkageError | RuntimeException unavailable) {
            // the compilers keep their priority, and the window merely starts more slowly
        }
    }

    /**
     * The common fork-join pool's threads (the fused LSTM's shards, the evaluations) at the lower
     * priority. Call before anything uses the pool.
     */
    public static void forTheCommonPool() {
        System.setProperty("java.util.concurrent.ForkJoinPool.common.threadFactory", LowThreads.class.getName());
    }

    /** Makes the common pool's workers; public with a public constructor, as the pool requires. */
    public static final class LowThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return new ForkJoinWorkerThread(pool) {
                @Override
                protected void onStart() {
                    super.onStart();
                    lowerCurrentThread();
                }
            };
        }
    }

    /**
     * The folder that holds JNA's own native library beside the jars, if the build put it there:
     * beside JNA's jar (the jar's {@code lib/}, the app-image) or in the {@code lib/} beside the
     * app's classes ({@code mvn javafx:run}). Without it JNA copies the library out of its jar into
     * a temporary file at every start, which took 150 ms while the window started.
     */
    static Optional<Path> dispatchLibraryFolder() {
        Path library = Path.of(System.mapLibraryName("jnidispatch"));
        return Stream.of(codeSource(Native.class).map(Path::getParent),
                        codeSource(BackgroundPriority.class).map(Path::getParent).map(parent -> parent.resolve("lib")))
                .flatMap(Optional::stream)
                .filter(folder -> Files.isRegularFile(folder.resolve(library)))
                .findFirst();
    }

    private static Optional<Path> codeSource(Class<?> type) {
        try {
            return Optional.of(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    private static LibC loadLibC() {
        if (System.getProperty("jna.boot.library.path") == null) {
            dispatchLibraryFolder().ifPresent(folder -> System.setProperty("jna.boot.library.path", folder.toString()));
        }
        return Native.loadLibrary("c", LibC.class);
    }

    private interface LibC extends Library {
        LibC INSTANCE = loadLibC();

        long syscall(long number);

        int setpriority(int which, int who, int priority);
    }
}
