package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javafx.scene.chart.XYChart;
import javafx.stage.Stage;

import org.bitcountlab.ui.app.MainWindow;
import org.bitcountlab.ui.app.ViewModels;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on fresh view models, headless, for each test, in English with English
 * number formats whatever the machine's locale (tests of other locales set their own); training
 * stopped after it.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowFixture {

    private static final Locale MACHINE_LOCALE = Locale.getDefault();

    /**
     * What JavaFX swallows and only logs: an exception in a binding or a listener. A window that
     * logs one has shown something stale or nothing, so every test fails on it.
     */
    private final List<LogRecord> swallowed = new CopyOnWriteArrayList<>();
    private final Handler swallowedRecorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null && record.getLevel().intValue() >= Level.WARNING.intValue()) {
                swallowed.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();

    protected ViewModels viewModels;
    protected Lab lab;
    protected Stage stage;

    /** Call from each test class's {@code @Start} method (TestFX looks only there, not in superclasses). */
    protected void open(Stage newStage) throws Exception {
        Locale.setDefault(Locale.US);
        Logger.getLogger("").addHandler(swallowedRecorder);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> swallowed.add(uncaught(error)));
        lab = new Lab();
        viewModels = new ViewModels(lab);
        stage = newStage;
        new MainWindow(stage, viewModels);
        // every test at the size of the window's first start, whatever size a test before left it at
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        lab.loadPretrained();
    }

    /** After {@code @Start}, which runs on the FX thread and so must not wait for it. */
    @BeforeEach
    void waitForThePretrainedModel() throws Exception {
        waitFor(30, () -> lab.models().get() != null);
        waitForIdle();
    }

    @AfterEach
    void stopTrainingAndRestoreTheLocale() throws Exception {
        WaitForAsyncUtils.asyncFx(lab::shutdown).get(10, TimeUnit.SECONDS);
        Locale.setDefault(MACHINE_LOCALE);
        Logger.getLogger("").removeHandler(swallowedRecorder);
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(previousHandler))
                .get(10, TimeUnit.SECONDS);
        assertThat(swallowed).as("exceptions JavaFX caught and logged on the FX thread")
                .extracting(record -> record.getMessage() + ": " + record.getThrown())
                .isEmpty();
    }

    private static LogRecord uncaught(Throwable error) {
        LogRecord record = new LogRecord(Level.SEVERE, "uncaught on the FX thread");
        record.setThrown(error);
        return record;
    }

    /** Waits (polling, never a fixed sleep) until the condition holds, then for the FX queue to drain. */
    protected static void waitFor(long seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until no background job is running or waiting to deliver. */
    protected void waitForIdle() throws Exception {
        waitFor(120, () -> lab.tasks().isIdle());
    }

    protected void waitForRunToEnd() throws Exception {
        waitFor(120, () -> lab.run().getState() == CurrentRun.State.FINISHED);
        waitForIdle();
    }

    /** The heights of a bar chart's bars, left to right. */
    protected static double[] heights(XYChart<?, Number> chart) {
        return chart.getData().get(0).getData().stream().mapToDouble(bar -> bar.getYValue().doubleValue()).toArray();
    }

    /** Small, quick settings: 500 training strings in batches of 50. */
    protected void smallRun(FxRobot robot, int epochs) {
        robot.interact(() -> {
            viewModels.settings().trainSize().textProperty().set("500");
            viewModels.settings().batch().textProperty().set("50");
            viewModels.settings().epochs().textProperty().set(Integer.toString(epochs));
        });
    }
}
