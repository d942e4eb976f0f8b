package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

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
        double[] before = chart.heights();
        assertThat(trueCount.getText()).isEqualTo("True count: 12");

        robot.clickOn("#bit1"); // 0 -> 1 in 10011011101001101110

        assertThat(trueCount.getText()).isEqualTo("True count: 13");
        double[] after = chart.heights();
        assertThat(chart.barCount()).isEqualTo(21);
        assertThat(Arrays.stream(after).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(after).isNotEqualTo(before);
        assertThat(robot.lookup("#bit1").queryAs(ToggleButton.class).getText()).isEqualTo("1");
    }

    @Test
    void theBitPresetsSetEveryBit(FxRobot robot) {
        robot.clickOn("#allOneButton");
        assertThat(bits(robot)).isEqualTo("11111111111111111111");
        assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText()).isEqualTo("True count: 20");

        robot.clickOn("#allZeroButton");
        assertThat(bits(robot)).isEqualTo("00000000000000000000");

        robot.clickOn("#exampleButton");
        assertThat(bits(robot)).isEqualTo(BitEditorModel.TUTORIAL_EXAMPLE);

        robot.clickOn("#randomButton");
        assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText())
                .isEqualTo("True count: " + bits(robot).chars().filter(c -> c == '1').count());
    }

    @Test
    void beforeTrainingTheBitEditorUsesThePretrainedModelAndSaysSo(FxRobot robot) {
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).startsWith("Model: pretrained");
        assertThat(robot.lookup("#predictedLabel").queryAs(Label.class).getText()).startsWith("Predicted: 12 ");
    }

    @Test
    void anInvalidHiddenSizeDisablesTrainAndSaysWhy(FxRobot robot) {
        Button train = robot.lookup("#trainButton").queryButton();
        Label error = robot.lookup("#hiddenError").queryAs(Label.class);
        assertThat(train.isDisabled()).isFalse();
        for (String bad : new String[] {"0", "abc", "100000"}) {
            type(robot, "#hiddenField", bad);
            assertThat(train.isDisabled()).as(bad).isTrue();
            assertThat(error.isVisible()).isTrue();
            assertThat(error.getText()).isIn("Hidden size must be between 1 and 512", "Enter a whole number");
            assertThat(robot.lookup("#hiddenField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        }
        type(robot, "#hiddenField", "16");
        assertThat(train.isDisabled()).isFalse();
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void aShortRunDrawsTheCurveAndReenablesTrain(FxRobot robot) throws Exception {
        smallRun(robot, "4");
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> viewModel.session().getState() == TrainingSession.State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();

        LineChart<?, ?> chart = robot.lookup("#errorChart").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(4);
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Finished: 4 epochs");
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).contains("you trained");
    }

    @Test
    void stopEndsARunWithinASecondAndTogglesStillRedrawDuringTraining(FxRobot robot) throws Exception {
        smallRun(robot, "100000");
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> viewModel.session().curve().size() >= 2);

        SoftmaxChart chart = robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class);
        double[] before = chart.heights();
        robot.clickOn("#bit0");
        assertThat(chart.heights()).isNotEqualTo(before);
        assertThat(viewModel.session().getState()).isEqualTo(TrainingSession.State.TRAINING);

        long start = System.nanoTime();
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS,
                () -> viewModel.session().getState() == TrainingSession.State.FINISHED);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Stopped after");
    }

    @Test
    void closingTheWindowStopsTraining(FxRobot robot) throws Exception {
        smallRun(robot, "100000");
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> viewModel.session().curve().size() >= 1);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS,
                () -> viewModel.session().getState() == TrainingSession.State.FINISHED);
    }

    @Test
    void resetDuringARunForgetsItForGood(FxRobot robot) throws Exception {
        smallRun(robot, "100000");
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> viewModel.session().curve().size() >= 1);

        robot.clickOn("#resetButton");
        Thread.sleep(1500); // longer than the cancelled run's last minibatch and epoch
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.session().getState()).isEqualTo(TrainingSession.State.IDLE);
        assertThat(viewModel.session().curve()).isEmpty();
        assertThat(viewModel.runs()).isEmpty();
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).startsWith("Model: pretrained");
    }

    private void smallRun(FxRobot robot, String epochs) {
        type(robot, "#trainSizeField", "500");
        type(robot, "#batchField", "50");
        type(robot, "#epochsField", epochs);
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField textField = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> textField.setText(""));
        robot.clickOn(textField).write(text);
        assertThat(textField.getText()).isEqualTo(text);
    }

    private static String bits(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(robot.lookup("#bit" + i).queryAs(ToggleButton.class).getText());
        }
        return sb.toString();
    }
}
