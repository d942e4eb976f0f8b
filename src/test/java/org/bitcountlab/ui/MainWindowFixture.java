package org.bitcountlab.ui;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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

    protected ViewModels viewModels;
    protected Lab lab;
    protected Stage stage;

    /** Call from each test class's {@code @Start} method (TestFX looks only there, not in superclasses). */
    protected void open(Stage newStage) throws Exception {
        Locale.setDefault(Locale.US);
        lab = new Lab();
        viewModels = new ViewModels(lab);
        stage = newStage;
        new MainWindow(stage, viewModels);
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
