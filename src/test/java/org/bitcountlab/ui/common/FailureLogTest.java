package org.bitcountlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure leaves a trace: its stack trace in a small file the window names. */
class FailureLogTest {

    @TempDir
    Path folder;
    private Locale display;

    @BeforeEach
    void inEnglish() {
        display = Locale.getDefault(Locale.Category.DISPLAY);
        Messages.setLanguage(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        FailureLog.stopWriting();
        Messages.setLanguage(display);
    }

    @Test
    void aBackgroundFailureIsWrittenWithItsStackTraceAndTheStatusLineSaysWhatFailedAndWhere() throws Exception {
        FailureLog.writeTo(folder);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        StatusLine status = new Lab(tasks).status();
        Message what = new Message("task.readout");
        tasks.submit(what, job -> {
            throw new IllegalStateException("the read-out went wrong");
        }, done -> { }, error -> status.showFailure(what, error));
        tasks.runAll();

        String log = Files.readString(folder.resolve(FailureLog.FILE));
        assertThat(log).contains("Fitting the count read-out failed")
                .contains("java.lang.IllegalStateException: the read-out went wrong")
                .contains("at org.bitcountlab.ui.common.FailureLogTest");
        assertThat(status.messageProperty().get().text())
                .isEqualTo("Fitting the count read-out failed: the read-out went wrong. The details are in "
                        + folder.resolve(FailureLog.FILE));
    }

    @Test
    void theLogRotatesAndStaysAFewMegabytes() throws Exception {
        FailureLog.writeTo(folder);
        String line = "x".repeat(10_000);
        for (int i = 0; i < 600; i++) { // about 6 MB of failures
            FailureLog.record(new Message("task.sweep"), new RuntimeException(line));
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.toList();
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        assertThat(files).hasSizeLessThanOrEqualTo(3);
        assertThat(total).isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aReasonIsNeverNull() {
        assertThat(FailureLog.reason(new RuntimeException(new NullPointerException()))).isNotBlank();
        assertThat(FailureLog.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(FailureLog.reason(new RuntimeException("outer", new IOException("disk full")))).isEqualTo("disk full");
    }

    @Test
    void theFolderIsTheUsersDataFolderOnEachSystem() {
        String os = System.getProperty("os.name");
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", "/home/teacher");
            System.setProperty("os.name", "Mac OS X");
            assertThat(FailureLog.folder()).isEqualTo(Path.of("/home/teacher/Library/Logs/Bitcount LSTM Lab"));
            System.setProperty("os.name", "Linux");
            if (System.getenv("XDG_STATE_HOME") == null) {
                assertThat(FailureLog.folder()).isEqualTo(Path.of("/home/teacher/.local/state/bitcount-lstm-lab"));
            }
            System.setProperty("os.name", "Windows 11");
            assertThat(FailureLog.folder().toString()).endsWith("Bitcount LSTM Lab" + java.io.File.separator + "logs");
            System.setProperty(FailureLog.FOLDER_PROPERTY, "/tmp/elsewhere");
            assertThat(FailureLog.folder()).isEqualTo(Path.of("/tmp/elsewhere"));
        } finally {
            System.setProperty("os.name", os);
            System.setProperty("user.home", home);
            System.clearProperty(FailureLog.FOLDER_PROPERTY);
        }
    }
}
