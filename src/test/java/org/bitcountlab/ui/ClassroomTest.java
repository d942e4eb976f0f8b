package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.bitcountlab.core.training.EpochResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard control, presentation mode, saving and opening models, translations. */
class ClassroomTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @TempDir
    Path dir;



    @Test
    void theDigitRowFlipsBitsAndShiftReachesTheSecondHalf(FxRobot robot) {
        robot.clickOn("#allZeroButton");
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT0);
        robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT0).release(KeyCode.SHIFT);

        assertThat(viewModel.bits().valueProperty().get()).isEqualTo(0b1000_0000_0100_0000_0001);
        assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText()).isEqualTo("True count: 3");
    }

    @Test
    void arrowsMoveBetweenBitsAndSpaceFlipsTheFocusedOne(FxRobot robot) {
        robot.clickOn("#allZeroButton");
        robot.clickOn("#bit0"); // bit 1 on, and focused
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.SPACE);

        assertThat(viewModel.bits().bit(0)).isTrue();
        assertThat(viewModel.bits().bit(2)).isTrue();
        assertThat(viewModel.bits().trueCountProperty().get()).isEqualTo(2);
        assertThat(viewModel.session().getState()).isEqualTo(TrainingSession.State.IDLE);
    }

    @Test
    void spaceTrainsAndPausesWhenNoBitHasFocus(FxRobot robot) throws Exception {
        robot.interact(() -> {
            viewModel.settings().trainSize().textProperty().set("500");
            viewModel.settings().epochs().textProperty().set("100000");
        });
        robot.clickOn("#errorChart");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.session().curve().size() >= 1);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.session().getState()).isEqualTo(TrainingSession.State.PAUSED);
    }

    @Test
    void presentationModeEnlargesTheTypeAndHidesTheAdvancedControls(FxRobot robot) {
        assertThat(robot.lookup("#hiddenField").query().isVisible()).isTrue();
        robot.type(KeyCode.F5);

        assertThat(robot.lookup("#settingsGrid").query().isVisible()).isFalse();
        assertThat(robot.lookup("#lossChart").query().isVisible()).isFalse();
        assertThat(robot.lookup("#evaluateAllButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#trainButton").query().isVisible()).isTrue();
        assertThat(robot.lookup("#bitEditor").query().isVisible()).isTrue();
        assertThat(robot.lookup("#root").query().getStyleClass()).contains("presentation");

        robot.type(KeyCode.F5);
        assertThat(robot.lookup("#settingsGrid").query().isVisible()).isTrue();
    }

    @Test
    void theTeacherChoosesWhatPresentationModeHides(FxRobot robot) {
        javafx.scene.control.MenuButton menu = robot.lookup("#hideMenu").queryAs(javafx.scene.control.MenuButton.class);
        robot.interact(() -> ((javafx.scene.control.CheckMenuItem) menu.getItems().get(1)).setSelected(false)); // loss chart
        robot.type(KeyCode.F5);

        assertThat(robot.lookup("#settingsGrid").query().isVisible()).isFalse();
        assertThat(robot.lookup("#lossChart").query().isVisible()).isTrue();
        robot.type(KeyCode.F5);
    }

    @Test
    void aSavedRunOpensWithItsCurveAndPredictions(FxRobot robot) throws Exception {
        trainThreeEpochs(robot);
        List<EpochResult> curve = List.copyOf(viewModel.session().curve());
        double[] bars = robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class).heights();
        Path file = dir.resolve("three-epochs.bitcount.zip");
        robot.interact(() -> assertThat(viewModel.saveModel(file)).isTrue());
        assertThat(Files.exists(file)).isTrue();

        robot.clickOn("#resetButton");
        assertThat(viewModel.session().curve()).isEmpty();
        robot.interact(() -> assertThat(viewModel.openModel(file)).isTrue());

        assertThat(viewModel.session().curve()).containsExactlyElementsOf(curve);
        LineChart<?, ?> chart = robot.lookup("#errorChart").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(3);
        assertThat(robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class).heights()).containsExactly(bars);
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).isEqualTo("Model: three-epochs.bitcount.zip");
    }

    @Test
    void aCorruptModelFileIsReportedAndChangesNothing(FxRobot robot) throws Exception {
        Path corrupt = dir.resolve("corrupt.bitcount.zip");
        Files.writeString(corrupt, "not a model");
        double[] bars = robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class).heights();

        robot.interact(() -> assertThat(viewModel.openModel(corrupt)).isFalse());

        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText())
                .startsWith("Could not open: corrupt.bitcount.zip is not a Bitcount LSTM Lab model");
        assertThat(robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class).heights()).containsExactly(bars);
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).startsWith("Model: pretrained");
    }

    @Test
    void theStepViewShowsUnitsByTwentyStepsForTheCurrentStringAndFollowsToggles(FxRobot robot) {
        robot.clickOn("Inside the LSTM");
        StepView view = robot.lookup("#stepView").queryAs(StepView.class);
        assertThat(view.trace().steps()).isEqualTo(20);
        assertThat(view.trace().units()).isEqualTo(24);
        assertThat(view.trace().value()).isEqualTo(viewModel.bits().valueProperty().get());
        double before = view.value(19, 0);

        robot.clickOn("#bit19");

        assertThat(view.trace().value()).isEqualTo(viewModel.bits().valueProperty().get());
        assertThat(view.value(19, 0)).isNotEqualTo(before);
        assertThat(view.trace().predictedCountAfter(19)).isEqualTo(viewModel.bits().getPrediction().predictedCount());

        double hidden = view.value(10, 3);
        robot.clickOn("#cellStateCheck");
        assertThat(view.value(10, 3)).isNotEqualTo(hidden)
                .isEqualTo(Math.tanh(view.trace().cell()[10][3]), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void errorByCountHasABarForEveryCount(FxRobot robot) throws Exception {
        ErrorByCountChart chart = robot.lookup("#errorByCountChart").queryAs(ErrorByCountChart.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.session().failuresProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.barCount()).isEqualTo(21);
        assertThat(chart.getTitle()).startsWith("Error by true count on 50,000 held-out strings");
        ConfusionView confusion = robot.lookup("#confusionView").queryAs(ConfusionView.class);
        assertThat(confusion.evaluation().confusion()).hasNumberOfRows(21);
    }

    @Test
    void theModelIsTriedOnOtherLengths(FxRobot robot) throws Exception {
        robot.clickOn("Where it fails");
        robot.clickOn("#lengthsButton");
        LengthChart chart = robot.lookup("#lengthChart").queryAs(LengthChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.lengthsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.barCount()).isEqualTo(21); // lengths 10..30
        assertThat(viewModel.lengthsProperty().get().errorAt(20)).isLessThan(5); // the pretrained model's own length
    }

    @Test
    void aSweepOfTwoSizesFillsTheRunTableAndTheSweepChartAndRunsOverlay(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.settings().trainSize().textProperty().set("400"));
        robot.clickOn("Runs and sweeps");
        TextField sizes = robot.lookup("#sweepSizesField").queryAs(TextField.class);
        TextField epochs = robot.lookup("#sweepEpochsField").queryAs(TextField.class);
        robot.interact(() -> {
            sizes.setText("2, 6");
            epochs.setText("2");
        });
        robot.clickOn("#sweepButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.runs().size() == 2
                && viewModel.session().getState() == TrainingSession.State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.runs()).extracting(r -> r.settings().hidden()).containsExactly(2, 6);
        LineChart<?, ?> sweepChart = robot.lookup("#sweepChart").queryAs(LineChart.class);
        assertThat(sweepChart.getData()).hasSize(1);
        assertThat(sweepChart.getData().get(0).getData()).hasSize(2);

        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().selectAll());
        LineChart<?, ?> errorChart = robot.lookup("#errorChart").queryAs(LineChart.class);
        assertThat(errorChart.getData()).extracting(s -> s.getName())
                .contains("#1 h=2 b=50 lr=0.01", "#2 h=6 b=50 lr=0.01");
        assertThat(errorChart.isLegendVisible()).isTrue();

        robot.interact(() -> table.getSelectionModel().clearSelection());
        assertThat(errorChart.getData()).hasSize(1);
    }

    @Test
    void theChartExportsAPngAndTheCurvesACsvAndOffersLogScaleSmoothingAndAReadout(FxRobot robot) throws Exception {
        trainThreeEpochs(robot);
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> chart = robot.lookup("#errorChart").queryAs(LineChart.class);
        ErrorCurvePlot plot = ErrorCurvePlot.of(chart);

        Path png = dir.resolve("curve.png");
        robot.interact(() -> {
            try {
                plot.exportPng(png.toFile());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(100);

        Path csv = dir.resolve("curves.csv");
        robot.interact(() -> assertThat(viewModel.exportCurves(csv)).isTrue());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("run,epoch,mean_loss,held_out_error_percent,train_seconds");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("\"#1 h=24 b=50 lr=0.01\",1,");

        double linear = ((Number) chart.getData().get(0).getData().get(0).getYValue()).doubleValue();
        robot.clickOn("#logScaleCheck");
        double logarithmic = ((Number) chart.getData().get(0).getData().get(0).getYValue()).doubleValue();
        assertThat(logarithmic).isCloseTo(Math.log10(linear), org.assertj.core.data.Offset.offset(1e-9));

        robot.clickOn("#smoothCheck");
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("Held-out error", "Smoothed");

        javafx.geometry.Bounds plotArea = chart.lookup(".chart-plot-background").localToScene(
                chart.lookup(".chart-plot-background").getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(
                robot.targetWindow().getX() + plotArea.getMinX() + 2, robot.targetWindow().getY() + plotArea.getCenterY()));
        assertThat(robot.lookup("#chartReadout").queryAs(Label.class).getText()).startsWith("Epoch 1:");
    }

    private void trainThreeEpochs(FxRobot robot) throws Exception {
        robot.interact(() -> {
            viewModel.settings().trainSize().textProperty().set("500");
            viewModel.settings().epochs().textProperty().set("3");
        });
        robot.clickOn("#trainButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> viewModel.session().getState() == TrainingSession.State.FINISHED);
    }

    @Test
    void theLanguageMenuSwitchesTheWindowToChineseAndKeepsItsState(FxRobot robot) {
        Locale before = Locale.getDefault();
        try {
            robot.clickOn("#allOneButton");
            javafx.scene.control.ComboBox<?> languages = robot.lookup("#languageChoice").queryComboBox();
            robot.interact(() -> languages.getSelectionModel().select(1));

            assertThat(robot.lookup("#trainButton").queryButton().getText()).isEqualTo("训练");
            assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText()).isEqualTo("真实个数：20");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theChineseBundleHasEveryKeyOfTheEnglishOne() throws Exception {
        Properties english = properties("messages.properties");
        Properties chinese = properties("messages_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        assertThat(bundle.getString("training.train")).isEqualTo("训练");
        assertThat(bundle.getString("app.title")).isEqualTo("位计数 LSTM 实验室");
    }

    private static Properties properties(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = Messages.class.getResourceAsStream(name);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
