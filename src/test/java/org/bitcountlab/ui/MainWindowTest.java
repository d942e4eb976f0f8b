package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.shape.Path;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.bitcountlab.ui.biteditor.SoftmaxChart;
import org.bitcountlab.ui.failures.LengthChart;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.CurrentString;
import org.bitcountlab.ui.state.LabModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window, headless. */
class MainWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void togglingABitChangesTheTrueCountAndTheBars(FxRobot robot) {
        SoftmaxChart chart = robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class);
        Label trueCount = robot.lookup("#trueCountLabel").queryAs(Label.class);
        double[] before = heights(chart);
        assertThat(trueCount.getText()).isEqualTo("True count: 12");

        robot.clickOn("#bit1"); // 0 -> 1 in 10011011101001101110

        assertThat(trueCount.getText()).isEqualTo("True count: 13");
        double[] after = heights(chart);
        assertThat(chart.getData().get(0).getData().size()).isEqualTo(21);
        assertThat(Arrays.stream(after).sum()).isCloseTo(1.0, within(1e-6));
        assertThat(after).isNotEqualTo(before);
        assertThat(robot.lookup("#bit1").queryAs(ToggleButton.class).getText()).isEqualTo("1");
    }

    /** A bit's tooltip is made when the pointer first reaches the bit, and says which bit it is. */
    @Test
    void aBitHasItsTooltipOnceThePointerReachesIt(FxRobot robot) {
        ToggleButton bit = robot.lookup("#bit4").queryAs(ToggleButton.class);
        robot.moveTo("#bit4");
        assertThat(bit.getTooltip()).isNotNull();
        assertThat(bit.getTooltip().getText()).isEqualTo("Bit 5: click to flip");
    }

    /** The settings and the error chart explain themselves: their help is a tooltip once the window is up. */
    @Test
    void theFieldsAndTheErrorChartHaveTheirHelpAsTooltips(FxRobot robot) throws Exception {
        TextField hidden = robot.lookup("#hiddenField").queryAs(TextField.class);
        waitFor(10, () -> hidden.getTooltip() != null);
        assertThat(hidden.getTooltip().getText()).startsWith("LSTM units.").isEqualTo(hidden.getAccessibleHelp());
        Node errorChart = robot.lookup("#errorChart").query();
        waitFor(10, () -> errorChart.getProperties().values().stream().anyMatch(Tooltip.class::isInstance));
        assertThat(errorChart.getAccessibleHelp()).contains("50,000 strings it never trained on");
    }

    /** The window opens with the tab it shows; the others are made in the frames after, unasked. */
    @Test
    void everyTabHasItsViewSoonAfterTheWindowOpensWithoutBeingChosen(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        waitFor(10, () -> tabs.getTabs().stream().allMatch(tab -> tab.getContent() != null));

        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("still the learning curve").isZero();
        assertThat(robot.lookup("#sweepChart").tryQuery()).as("the runs tab's view, never shown").isPresent();
        assertThat(robot.lookup("#lengthsButton").tryQuery()).as("the failures tab's view").isPresent();
    }

    /** The icon is decoded in the background, at the size the window system is given; the window still gets it. */
    @Test
    void theWindowGetsItsIcon() throws Exception {
        waitFor(10, () -> !stage.getIcons().isEmpty());
        assertThat(stage.getIcons().get(0).getWidth()).isEqualTo(128);
        assertThat(stage.getIcons().get(0).isError()).isFalse();
    }

    @Test
    void theBitPresetsSetEveryBit(FxRobot robot) {
        robot.clickOn("#allOneButton");
        assertThat(bits(robot)).isEqualTo("11111111111111111111");
        assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText()).isEqualTo("True count: 20");

        robot.clickOn("#allZeroButton");
        assertThat(bits(robot)).isEqualTo("00000000000000000000");

        robot.clickOn("#exampleButton");
        assertThat(bits(robot)).isEqualTo(CurrentString.TUTORIAL_EXAMPLE);

        robot.clickOn("#randomButton");
        assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText())
                .isEqualTo("True count: " + bits(robot).chars().filter(c -> c == '1').count());
    }

    @Test
    void beforeTrainingTheBitEditorUsesThePretrainedModelAndSaysRightOrWrongInWords(FxRobot robot) {
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).startsWith("Model: pretrained");
        Label answer = robot.lookup("#predictedLabel").queryAs(Label.class);
        assertThat(answer.getText()).startsWith("Predicted: 12 ").endsWith(", right");
        assertThat(answer.getStyleClass()).contains("correct");
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).contains("0.32% test error");
        assertThat(robot.lookup("#tutorialLabel").queryAs(Label.class).getText())
                .isEqualTo("The tutorial printed for this string: 12 at 98.26%");
        robot.clickOn("#bit0");
        assertThat(robot.lookup("#tutorialLabel").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void anInvalidHiddenSizeDisablesTrainAndSaysWhy(FxRobot robot) {
        Button train = robot.lookup("#trainButton").queryButton();
        Label error = robot.lookup("#settingsMessage").queryAs(Label.class);
        assertThat(train.isDisabled()).isFalse();
        for (String bad : new String[] {"0", "abc", "100000", "1,5"}) {
            type(robot, "#hiddenField", bad);
            assertThat(train.isDisabled()).as(bad).isTrue();
            assertThat(error.getText()).isIn("Hidden size must be between 1 and 512", "Hidden size: enter a whole number");
            assertThat(robot.lookup("#hiddenField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        }
        // Ctrl+Space or Ctrl+E from across the room: the status line says why nothing starts
        robot.interact(() -> viewModels.training().train());
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Nothing to train yet");
        robot.interact(() -> viewModels.training().step());
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);
        type(robot, "#hiddenField", "16");
        assertThat(train.isDisabled()).isFalse();
        assertThat(error.getText()).isEmpty();
    }

    /**
     * A field's problem is read whole, in room kept for it: nothing under the mouse moves when it
     * comes or goes, so a click aimed at Train never lands on Shuffle every epoch.
     */
    @Test
    void fieldProblemsShowWholeAndMoveNothing(FxRobot robot) {
        javafx.scene.Node[] watched = {robot.lookup("#bit0").query(), robot.lookup("#trainButton").query(),
                robot.lookup("#shuffleCheck").query(), robot.lookup("#evaluateAllButton").query()};
        double[] before = new double[watched.length];
        for (int i = 0; i < watched.length; i++) {
            before[i] = watched[i].localToScene(0, 0).getY();
        }
        Label message = robot.lookup("#settingsMessage").queryAs(Label.class);
        String[][] problems = {{"hidden", "0"}, {"batch", "1,000,000"}, {"seed", "x"}, {"epochs", "0"}};
        for (String[] problem : problems) {
            robot.interact(() -> {
                viewModels.settings().hidden().textProperty().set(problem[0].equals("hidden") ? problem[1] : "24");
                viewModels.settings().batch().textProperty().set(problem[0].equals("batch") ? problem[1] : "50");
                viewModels.settings().seed().textProperty().set(problem[0].equals("seed") ? problem[1] : "1");
                viewModels.settings().epochs().textProperty().set(problem[0].equals("epochs") ? problem[1] : "20");
            });
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.text.Text shown = (javafx.scene.text.Text) message.lookup(".text");
            assertThat(message.getText()).as(problem[0]).isNotEmpty();
            assertThat(shown.getText()).as(problem[0]).isEqualTo(message.getText()).doesNotContain("…");
            for (int i = 0; i < watched.length; i++) {
                assertThat(watched[i].localToScene(0, 0).getY()).as("%s with a problem in %s", watched[i].getId(), problem[0])
                        .isEqualTo(before[i]);
            }
        }
    }

    @Test
    void settingsThatCannotFitInMemoryAreRefusedOnTheFieldToChange(FxRobot robot) {
        robot.interact(() -> {
            viewModels.settings().hidden().textProperty().set("512");
            viewModels.settings().trainSize().textProperty().set("1,000,000");
            viewModels.settings().batch().textProperty().set("1,000,000");
        });
        Label error = robot.lookup("#settingsMessage").queryAs(Label.class);
        assertThat(error.getText()).startsWith("This run needs about").contains("The largest batch that fits is");
        assertThat(robot.lookup("#batchField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> viewModels.settings().batch().textProperty().set("100"));
        assertThat(error.getText()).isEmpty();
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void editingAFieldAwayFromThePresetSaysCustom(FxRobot robot) {
        javafx.scene.control.ComboBox<?> preset = robot.lookup("#presetChoice").queryComboBox();
        assertThat(preset.getButtonCell().getText()).isEqualTo("Fast (default)");
        type(robot, "#hiddenField", "16");
        assertThat(preset.getButtonCell().getText()).isEqualTo("Custom");
        type(robot, "#hiddenField", "24");
        robot.interact(() -> viewModels.settings().presetProperty().set(org.bitcountlab.core.training.Preset.TUTORIAL));
        assertThat(robot.lookup("#epochsField").queryAs(TextField.class).getText()).isEqualTo("600");
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText()).isEqualTo("Epoch 0 / 600");
    }

    @Test
    void aShortRunDrawsTheCurveAndTheLossAndReenablesTrain(FxRobot robot) throws Exception {
        smallRun(robot, 4);
        robot.clickOn("#trainButton");
        waitForRunToEnd();

        assertThat(errorChart(robot).getData().get(0).getData()).hasSize(4);
        assertThat(lossChart(robot).getData().get(0).getData()).hasSize(4);
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Finished: 4 epochs");
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).contains("you trained");
        assertThat(robot.lookup("#headlineLabel").queryAs(Label.class).getText()).endsWith("%");
    }

    @Test
    void stopEndsARunAndTogglesStillRedrawDuringTraining(FxRobot robot) throws Exception {
        smallRun(robot, 100_000);
        robot.clickOn("#trainButton");
        waitFor(90, () -> lab.run().curve().size() >= 2);

        SoftmaxChart chart = robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class);
        double[] before = heights(chart);
        robot.clickOn("#bit0");
        assertThat(heights(chart)).isNotEqualTo(before);
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.TRAINING);

        robot.clickOn("#stopButton");
        waitForRunToEnd();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Stopped after");
        assertThat(lab.history().runs()).singleElement().satisfies(run -> assertThat(run.epochs()).isLessThan(100_000));
    }

    @Test
    void stepTrainsOneEpochThenPauses(FxRobot robot) throws Exception {
        smallRun(robot, 100);
        javafx.scene.control.Button stop = robot.lookup("#stopButton").queryButton();
        javafx.geometry.Bounds stopWhileRunning = stop.localToScene(stop.getBoundsInLocal());
        robot.clickOn("#stepButton");
        waitFor(90, () -> lab.run().getState() == CurrentRun.State.PAUSED);
        assertThat(lab.run().curve()).hasSize(1);

        robot.clickOn("#stepButton");
        waitFor(90, () -> lab.run().curve().size() == 2 && lab.run().getState() == CurrentRun.State.PAUSED);
        // seen from this thread while the FX thread may still be inside the call that paused the
        // run (the status line is set after the state): let it finish before reading the window
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pauseButton").queryButton().getText()).isEqualTo("Resume");
        assertThat(stop.localToScene(stop.getBoundsInLocal())).as("Resume takes Pause's room: Stop stays under the mouse")
                .isEqualTo(stopWhileRunning);
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Paused at epoch 2 of 100");
        // a paused run's settings are the run's: locked (a frame after it began) until it ends
        TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);
        waitFor(10, epochs::isDisabled);

        robot.clickOn("#stopButton");
        waitFor(90, () -> lab.run().getState() == CurrentRun.State.FINISHED);
        waitFor(10, () -> !epochs.isDisabled());
    }

    @Test
    void closingTheWindowStopsTraining(FxRobot robot) throws Exception {
        smallRun(robot, 100_000);
        robot.clickOn("#trainButton");
        waitFor(90, () -> lab.run().curve().size() >= 1);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        waitFor(1, () -> lab.run().getState() == CurrentRun.State.FINISHED);
    }

    @Test
    void resetForgetsEverythingItShows(FxRobot robot) throws Exception {
        smallRun(robot, 3);
        robot.clickOn("#trainButton");
        waitForRunToEnd();
        robot.clickOn("Runs and sweeps");
        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("Where it fails");
        robot.clickOn("#lengthsButton");
        waitForIdle();
        assertThat(errorChart(robot).getData()).hasSizeGreaterThan(2); // current, overlay, 1% line
        assertThat(robot.lookup("#lengthChart").queryAs(LengthChart.class).getData().get(0).getData().size()).isEqualTo(30);

        robot.clickOn("#resetButton");
        waitForIdle();

        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);
        assertThat(errorChart(robot).getData()).hasSize(2); // the empty current run and the 1% line
        assertThat(errorChart(robot).getData().get(0).getData()).isEmpty();
        assertThat(lossChart(robot).getData().get(0).getData()).isEmpty();
        robot.interact(() -> lossChart(robot).layout());
        assertThat(((Path) lossChart(robot).getData().get(0).getNode()).getElements())
                .as("the line drawn, not only the data behind it").isEmpty();
        assertThat(table.getSelectionModel().getSelectedItems()).isEmpty();
        assertThat(robot.lookup("#lengthChart").queryAs(LengthChart.class).getData().get(0).getData().size()).isZero();
        assertThat(robot.lookup("#headlineLabel").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText()).isEqualTo("Epoch 0 / 3");
        assertThat(lab.models().get().origin()).isEqualTo(LabModel.Origin.PRETRAINED);
        assertThat(lab.models().failuresProperty().get().model().origin()).isEqualTo(LabModel.Origin.PRETRAINED);
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).startsWith("Model: pretrained");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Ready.");
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> errorChart(FxRobot robot) {
        return robot.lookup("#errorChart").queryAs(LineChart.class);
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> lossChart(FxRobot robot) {
        return robot.lookup("#lossChart").queryAs(LineChart.class);
    }

    static void type(FxRobot robot, String field, String text) {
        TextField textField = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> textField.setText(""));
        robot.clickOn(textField).write(text);
        assertThat(textField.getText()).isEqualTo(text);
    }

    static String bits(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(robot.lookup("#bit" + i).queryAs(ToggleButton.class).getText());
        }
        return sb.toString();
    }
}
