package org.bitcountlab.ui.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

/**
 * Where the window's failures leave their trace: every failure of background work and every
 * exception nobody caught is written here with its stack trace, so that a teacher can send the
 * file to whoever can fix it. The window writes to a small rotating file in the user's data
 * folder ({@link #folder()}); until {@link #writeTo(Path)} is called (the command line, tests),
 * records go where the logging configuration sends them.
 */
public final class FailureLog {

    /** The logger every failure is written to; the logging configuration decides where else it goes. */
    public static final String LOGGER = "org.bitcountlab.failures";
    /** Overrides the folder, for tests and for a teacher who wants the log elsewhere. */
    public static final String FOLDER_PROPERTY = "bitcount.logDir";
    static final String FILE = "bitcount-lstm-lab.log";
    private static final long FILE_BYTES = 1024 * 1024;
    private static final int FILES_KEPT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static volatile Path file;

    private FailureLog() {
    }

    /** Records a failure of the work {@code what} names. */
    public static void record(Message what, Throwable error) {
        LOG.error(what.text() + " failed", error);
    }

    /** Records an exception no code caught, on {@code thread}. */
    public static void recordUncaught(Thread thread, Throwable error) {
        LOG.error("Uncaught on thread " + thread.getName(), error);
    }

    /** Why {@code error} happened, in a sentence: its root cause's message, or the cause's kind when it has none. */
    public static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null && !root.getMessage().isBlank() ? root.getMessage()
                : error.getMessage();
        return message != null && !message.isBlank() ? message : root.getClass().getSimpleName();
    }

    /** The file failures are written to, once {@link #writeTo(Path)} has been called. */
    public static Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The user's data folder for logs: {@code %LOCALAPPDATA%\Bitcount LSTM Lab\logs} on Windows,
     * {@code ~/Library/Logs/Bitcount LSTM Lab} on macOS, and elsewhere
     * {@code $XDG_STATE_HOME/bitcount-lstm-lab} ({@code ~/.local/state/bitcount-lstm-lab}), where
     * the XDG convention keeps logs.
     */
    public static Path folder() {
        String chosen = System.getProperty(FOLDER_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("Bitcount LSTM Lab").resolve("logs");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("Bitcount LSTM Lab");
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && state.startsWith("/") ? Path.of(state) : home.resolve(".local").resolve("state");
        return base.resolve("bitcount-lstm-lab");
    }

    /**
     * Writes failures to {@code bitcount-lstm-lab.log} in {@code folder} from now on, rotated at
     * 1 MB with three files kept. A folder that cannot be written leaves the log where it was.
     */
    public static synchronized void writeTo(Path folder) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Path target = folder.resolve(FILE);
        if (target.equals(file)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("failure-file");
        appender.setFile(target.toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(folder.resolve("bitcount-lstm-lab.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(FILES_KEPT - 1);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(FILE_BYTES));
        // the size at every record, not once a minute: a failure that repeats every frame must not fill the disk
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        if (!appender.isStarted()) {
            return; // the folder could not be made or written: the console keeps the trace
        }
        ch.qos.logback.classic.Logger failures = context.getLogger(LOGGER);
        ch.qos.logback.core.Appender<ILoggingEvent> previous = failures.getAppender("failure-file");
        failures.addAppender(appender);
        if (previous != null && previous != appender) {
            failures.detachAppender(previous);
            previous.stop();
        }
        file = target;
    }

    /** Stops writing to the file; records go where the logging configuration sends them again. */
    static synchronized void stopWriting() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            ch.qos.logback.core.Appender<ILoggingEvent> appender = context.getLogger(LOGGER).getAppender("failure-file");
            if (appender != null) {
                context.getLogger(LOGGER).detachAppender(appender);
                appender.stop();
            }
        }
        file = null;
    }
}
