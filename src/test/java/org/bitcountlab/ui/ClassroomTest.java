package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.bitcountlab.core.sweep.SweepListener;
import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.core.sweep.SweepProgress;
import org.bitcountlab.core.sweep.SweepVariable;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.ui.biteditor.SoftmaxChart;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.failures.ErrorByCountView;
import org.bitcountlab.ui.failures.LengthChart;
import org.bitcountlab.ui.inside.StepView;
import org.bitcountlab.ui.runs.SweepBase;
import org.bitcountlab.ui.runs.SweepChart;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Keyboard control, presentation mode, saving and opening models, the analysis tabs, translations. */
class ClassroomTest extends MainWindowFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void withTheBitEditorFocusedTheDigitRowFlipsBitsAndShiftReachesTheSecondHalf(FxRobot robot) {
        robot.clickOn("#allZeroButton");
        robot.interact(() -> robot.lookup("#bit5").query().requestFocus());
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT0);
        robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT0).release(KeyCode.SHIFT);

        assertThat(viewModels.bits().valueProperty().get()).isEqualTo(0b1000_0000_0100_0000_0001);
        assertThat(robot.lookup("#trueCountLabel").queryAs(Label.class).getText()).isEqualTo("True count: 3");
    }

    @Test
    void arrowsMoveBetweenBitsAndSpaceFlipsTheFocusedOne(FxRobot robot) {
        robot.clickOn("#allZeroButton");
        robot.clickOn("#bit0"); // bit 1 on, and focused
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.SPACE);
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT).type(KeyCode.LEFT).type(KeyCode.SPACE); // wraps to bit 20

        assertThat(lab.string().valueProperty().get()).isEqualTo(0b1010_0000_0000_0000_0001);
        assertThat(lab.string().trueCountProperty().get()).isEqualTo(3);
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);
    }

    @Test
    void spaceOnTheChartTrainsAndPauses(FxRobot robot) throws Exception {
        smallRun(robot, 100_000);
        robot.clickOn("#errorChart");
        robot.type(KeyCode.SPACE);
        waitFor(60, () -> lab.run().curve().size() >= 1);
        robot.type(KeyCode.SPACE);
        waitFor(5, () -> lab.run().getState() == CurrentRun.State.PAUSED);
    }

    @Test
    void presentationModeEnlargesTheTypeAndHidesTheAdvancedControls(FxRobot robot) {
        assertThat(robot.lookup("#hiddenField").query().isVisible()).isTrue();
        robot.type(KeyCode.F5);

        assertThat(robot.lookup("#settingsPane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#lossChart").query().isVisible()).isFalse();
        assertThat(robot.lookup("#evaluateAllButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#trainButton").query().isVisible()).isTrue();
        assertThat(robot.lookup("#bitEditor").query().isVisible()).isTrue();
        assertThat(robot.lookup("#root").query().getStyleClass()).contains("presentation");
        assertThat(stage.getFullScreenExitHint()).isEqualTo("Press Esc to leave presentation mode");

        robot.type(KeyCode.F5);
        assertThat(robot.lookup("#settingsPane").query().isVisible()).isTrue();
    }

    @Test
    void theTeacherChoosesWhatPresentationModeHides(FxRobot robot) {
        MenuButton menu = robot.lookup("#hideMenu").queryAs(MenuButton.class);
        robot.interact(() -> ((CheckMenuItem) menu.getItems().get(1)).setSelected(false)); // the loss chart
        robot.type(KeyCode.F5);

        assertThat(robot.lookup("#settingsPane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#lossChart").query().isVisible()).isTrue();
        robot.type(KeyCode.F5);
    }

    @Test
    void aSavedRunOpensWithItsCurveAndPredictions(FxRobot robot) throws Exception {
        smallRun(robot, 3);
        robot.clickOn("#trainButton");
        waitForRunToEnd();
        List<EpochResult> curve = List.copyOf(lab.run().curve());
        double[] bars = heights(robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class));
        Path file = dir.resolve("three-epochs.bitcount.zip");
        robot.interact(() -> viewModels.header().save(file));
        waitForIdle();
        assertThat(Files.exists(file)).isTrue();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEqualTo("Saved three-epochs.bitcount.zip");

        robot.clickOn("#resetButton");
        assertThat(lab.run().curve()).isEmpty();
        robot.interact(() -> viewModels.header().open(file));
        waitForIdle();

        assertThat(lab.run().curve()).containsExactlyElementsOf(curve);
        LineChart<?, ?> chart = robot.lookup("#errorChart").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(3);
        assertThat(heights(robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class))).containsExactly(bars);
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).isEqualTo("Model: three-epochs.bitcount.zip");
    }

    @Test
    void aRefusedModelFileIsExplainedInADialogAndChangesNothing(FxRobot robot) throws Exception {
        Path corrupt = dir.resolve("corrupt.bitcount.zip");
        Files.writeString(corrupt, "not a model");
        double[] bars = heights(robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class));

        robot.interact(() -> viewModels.header().open(corrupt));
        waitForIdle();

        String why = "Could not open: corrupt.bitcount.zip is not a Bitcount LSTM Lab model";
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith(why);
        Window dialog = robot.listTargetWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        assertThat(robot.from(dialog.getScene().getRoot()).lookup(".content").queryAs(Label.class).getText())
                .startsWith(why);
        robot.interact(() -> ((Stage) dialog).close());
        assertThat(heights(robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class))).containsExactly(bars);
        assertThat(robot.lookup("#modelLabel").queryAs(Label.class).getText()).startsWith("Model: pretrained");
    }

    @Test
    void theStepViewShowsUnitsByTwentyStepsForTheCurrentStringAndFollowsToggles(FxRobot robot) {
        robot.clickOn("Inside the LSTM");
        StepView view = robot.lookup("#stepView").queryAs(StepView.class);
        var trace = lab.string().traceProperty().get();
        assertThat(trace.steps()).isEqualTo(20);
        assertThat(trace.units()).isEqualTo(24);
        assertThat(view.value(19, 0)).isEqualTo(trace.hidden()[19][0]);
        double[] before = new double[trace.units()];
        for (int unit = 0; unit < before.length; unit++) {
            before[unit] = view.value(19, unit);
        }

        robot.clickOn("#bit19");

        var flipped = lab.string().traceProperty().get();
        assertThat(flipped.value()).isEqualTo(lab.string().valueProperty().get());
        boolean changed = false;
        for (int unit = 0; unit < before.length; unit++) {
            assertThat(view.value(19, unit)).isEqualTo(flipped.hidden()[19][unit]);
            changed |= view.value(19, unit) != before[unit];
        }
        assertThat(changed).as("flipping a bit changes the last step's state").isTrue();
        assertThat(flipped.predictedCountAfter(19)).isEqualTo(lab.string().predictionProperty().get().predictedCount());

        double hidden = view.value(10, 3);
        robot.clickOn("#cellStateCheck");
        assertThat(view.value(10, 3)).isNotEqualTo(hidden)
                .isEqualTo(Math.tanh(flipped.cell()[10][3]), within(1e-5));
    }

    @Test
    void errorByCountHasABarForEveryCount(FxRobot robot) throws Exception {
        waitForIdle();
        ErrorByCountView chart = robot.lookup("#errorByCountView").queryAs(ErrorByCountView.class);
        assertThat(chart.getAccessibleText())
                .startsWith("Error by true count: the pretrained model, 50,000 held-out strings");
        assertThat(lab.models().failuresProperty().get().evaluation().confusion()).hasNumberOfRows(21);
    }

    @Test
    void theModelIsTriedOnOtherLengths(FxRobot robot) throws Exception {
        robot.clickOn("Where it fails");
        robot.clickOn("#lengthsButton");
        waitForIdle();

        LengthChart chart = robot.lookup("#lengthChart").queryAs(LengthChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).hasSize(30); // 1..30 bits
        assertThat(chart.isLegendVisible()).as("one model, named in the title").isFalse();
        assertThat(chart.getTitle()).contains("the pretrained model (on 20 bits)");
        assertThat(viewModels.failures().lengthsProperty().get().errorAt(20)).isLessThan(5);
        assertThat(viewModels.failures().lengthsProperty().get().errorAt(12)).as("trained on 20 bits only")
                .isGreaterThan(50);

        robot.interact(() -> viewModels.counter().toggleSilenced(0));
        robot.clickOn("#lengthsButton");
        waitForIdle();

        assertThat(chart.getData()).as("the model shown, and the one measured before it").hasSize(2);
        assertThat(chart.getData().get(1).getName()).isEqualTo("the pretrained model (on 20 bits), before");
        assertThat(chart.getData().get(0).getName()).contains("unit 1 silenced");
        assertThat(chart.isLegendVisible()).isTrue();
    }

    @Test
    void aSweepStoppedBeforeItsFirstPointSaysSoOnItsChart(FxRobot robot) throws Exception {
        customSweep(robot, "2, 6", 2);
        viewModels.runs().addSweepListener(new SweepListener() {
            @Override
            public void runStarted(SweepProgress progress) {
                viewModels.runs().stop(); // on the sweep's thread, before any point can finish
            }
        });
        robot.clickOn("#sweepButton");
        SweepChart chart = robot.lookup("#sweepChart").queryAs(SweepChart.class);
        waitFor(120, () -> !viewModels.runs().sweepingProperty().get());
        waitForIdle();

        assertThat(chart.points()).isEmpty();
        assertThat(chart.emptyText()).isEqualTo("The sweep stopped before its first point");
    }

    @Test
    void aSweepOfTwoSizesAndTwoSeedsPlotsBothErrorsAndStopKeepsTheFinishedPoint(FxRobot robot) throws Exception {
        customSweep(robot, "2, 6", 2);
        List<String> progress = new CopyOnWriteArrayList<>();
        List<Boolean> trainAllowedWhileSweeping = new CopyOnWriteArrayList<>();
        List<String> settingsWhileSweeping = new CopyOnWriteArrayList<>();
        robot.interact(() -> viewModels.runs().sweepProgressProperty().addListener((obs, old, now) -> {
            if (now != null && now.text().startsWith("Run ")) {
                progress.add(now.text());
                trainAllowedWhileSweeping.add(viewModels.training().canTrainProperty().get());
                settingsWhileSweeping.add(robot.lookup("#settingsMessage").queryAs(Label.class).getText());
                settingsWhileSweeping.add(robot.lookup("#sweepSettingsLabel").queryAs(Label.class).getText());
            }
        }));
        viewModels.runs().addSweepListener(new SweepListener() {
            @Override
            public void pointFinished(SweepPoint point) {
                viewModels.runs().stop(); // on the sweep's thread: run 3 never trains to the end
            }
        });

        robot.clickOn("#sweepButton");
        waitFor(120, () -> !viewModels.runs().sweepingProperty().get());
        waitForIdle();

        assertThat(progress).isNotEmpty().allMatch(text -> text.matches("Run [1-4] of 4 \\(hidden size [26], seed [12]\\).*"));
        assertThat(trainAllowedWhileSweeping).containsOnly(false);
        // the fields are not what the sweep trains, and say so; the sweep shows what it does train
        assertThat(settingsWhileSweeping).contains(
                "Not in use: the sweep trains the settings shown with it on Runs and sweeps.",
                "Each run: LSTM, batch 50, rate 0.02 (decay 0.8), 200 training strings, 2 epochs; hidden size 2, 6;"
                        + " seeds 1–2.");
        SweepChart chart = robot.lookup("#sweepChart").queryAs(SweepChart.class);
        assertThat(chart.points()).extracting(SweepPoint::value).containsExactly(2);
        SweepPoint kept = chart.points().get(0);
        assertThat(kept.runs()).hasSize(2).allSatisfy(run -> {
            assertThat(run.trainingError()).isBetween(0.0, 100.0);
            assertThat(run.heldOutError()).isBetween(0.0, 100.0);
        });
        assertThat(kept.heldOutError().mean()).isBetween(kept.heldOutError().min(), kept.heldOutError().max());
        assertThat(chart.title()).isEqualTo("Training and held-out error against hidden size");
        assertThat(chart.caption()).isEqualTo(
                "Each point: mean of 2 seeds, band: min to max; final figure of a run: median of its last 5 epochs");
        assertThat(robot.lookup("#sweepProgressLabel").queryAs(Label.class).getText())
                .isEqualTo("Sweep stopped: 1 of 2 points finished and kept");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText())
                .isEqualTo("Sweep stopped: 1 of 2 points finished and kept");
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
        assertThat(lab.history().runs()).as("the finished point's two runs, marked with their sweep")
                .hasSize(2).allSatisfy(run -> assertThat(run.sweep()).isEqualTo(1))
                .extracting(run -> run.settings().seed()).containsExactly(1L, 2L);
    }

    @Test
    void resetDuringASweepEndsItAndNothingItStillDeliversIsDrawn(FxRobot robot) throws Exception {
        customSweep(robot, "2, 6", 2);
        CountDownLatch pointReady = new CountDownLatch(1);
        CountDownLatch resetDone = new CountDownLatch(1);
        viewModels.runs().addSweepListener(new SweepListener() {
            @Override
            public void pointFinished(SweepPoint point) {
                pointReady.countDown(); // the sweep's thread holds its first point until Reset has been pressed
                try {
                    resetDone.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        robot.clickOn("#sweepButton");
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isTrue();
        assertThat(pointReady.await(60, TimeUnit.SECONDS)).isTrue();

        robot.clickOn("#resetButton");
        resetDone.countDown();
        waitForIdle();

        assertThat(viewModels.runs().sweepingProperty().get()).isFalse();
        assertThat(robot.lookup("#sweepChart").queryAs(SweepChart.class).points()).isEmpty();
        assertThat(robot.lookup("#sweepChart").queryAs(SweepChart.class).title()).isEqualTo("Choose a sweep and press Run sweep");
        assertThat(robot.lookup("#sweepProgressLabel").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#trainButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aReadySweepFillsTheFieldsAndAnImpossibleSweepIsExplainedNotStarted(FxRobot robot) {
        robot.clickOn("Runs and sweeps");
        assertThat(robot.lookup("#sweepSizesField").queryAs(TextField.class).getText()).isEqualTo("2, 4, 8, 16, 32, 64");
        assertThat(robot.lookup("#sweepSeedsField").queryAs(TextField.class).getText()).isEqualTo("3");
        assertThat(robot.lookup("#sweepEpochsField").queryAs(TextField.class).getText()).isEqualTo("200");

        customSweep(robot, "0, 600", 2);
        robot.clickOn("#sweepButton");
        assertThat(robot.lookup("#sweepError").queryAs(Label.class).getText())
                .isEqualTo("Hidden size: whole numbers from 1 to 512, separated by commas");

        robot.interact(() -> {
            viewModels.runs().form().variableProperty().set(SweepVariable.TRAINING_SET_SIZE);
            viewModels.runs().form().valuesTextProperty().set("10, 1,000");
        });
        robot.clickOn("#sweepButton");
        assertThat(robot.lookup("#sweepError").queryAs(Label.class).getText()).isEqualTo(
                "This sweep cannot run: at training strings 10: batch size must be between 1 and 10, got 50");
        assertThat(viewModels.runs().sweepingProperty().get()).isFalse();
    }

    @Test
    void selectedRunsAreOverlaidOnTheLearningCurveWithALegend(FxRobot robot) throws Exception {
        smallRun(robot, 2);
        for (String hidden : new String[] {"2", "6"}) {
            robot.interact(() -> viewModels.settings().hidden().textProperty().set(hidden));
            robot.clickOn("#trainButton");
            waitForRunToEnd();
        }
        robot.clickOn("Runs and sweeps");

        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().selectAll());
        LineChart<?, ?> errorChart = robot.lookup("#errorChart").queryAs(LineChart.class);
        assertThat(errorChart.getData()).extracting(s -> s.getName())
                .contains("#1 h=2 b=50 lr=0.02 decay=0.8", "#2 h=6 b=50 lr=0.02 decay=0.8");
        assertThat(errorChart.isLegendVisible()).isTrue();

        robot.interact(() -> table.getSelectionModel().clearSelection());
        assertThat(errorChart.getData()).extracting(s -> s.getName()).containsExactly("Held-out error", "1%");

        // a click on a header sorts by it, a second the other way round
        robot.clickOn("Hidden");
        assertThat(table.getItems()).extracting(run -> ((RunRecord) run).settings().hidden()).containsExactly(2, 6);
        robot.clickOn("Hidden");
        assertThat(table.getItems()).extracting(run -> ((RunRecord) run).settings().hidden()).containsExactly(6, 2);
        assertThat(table.getColumns()).extracting(TableColumn::getText).contains("Seed", "Strings", "Cell", "Rate",
                "Decay", "Sweep");
    }

    /** A custom sweep of hidden sizes over 200 training strings, 2 epochs per run, on the runs tab. */
    private void customSweep(FxRobot robot, String values, int seeds) {
        robot.interact(() -> viewModels.settings().trainSize().textProperty().set("200"));
        robot.clickOn("Runs and sweeps");
        robot.interact(() -> {
            viewModels.runs().form().baseProperty().set(SweepBase.CUSTOM);
            viewModels.runs().form().variableProperty().set(SweepVariable.HIDDEN_SIZE);
            viewModels.runs().form().valuesTextProperty().set(values);
            viewModels.runs().form().seedsTextProperty().set(Integer.toString(seeds));
            viewModels.runs().form().epochsTextProperty().set("2");
        });
    }

    @Test
    void theChartExportsAPngAndTheCurvesACsvAndOffersLogScaleSmoothingAndAReadout(FxRobot robot) throws Exception {
        smallRun(robot, 3);
        robot.clickOn("#trainButton");
        waitForRunToEnd();
        LineChart<?, ?> chart = robot.lookup("#errorChart").queryAs(LineChart.class);

        Path png = dir.resolve("curve.png");
        robot.interact(() -> viewModels.curve().exportPng(SwingFXUtils.fromFXImage(chart.snapshot(null, null), null), png));
        Path csv = dir.resolve("curves.csv");
        robot.interact(() -> viewModels.curve().exportCsv(csv));
        waitForIdle();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(100);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("run,epoch,mean_loss,held_out_error_percent,train_seconds");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("\"#1 h=24 b=50 lr=0.02 decay=0.8\",1,");

        assertThat(robot.lookup("#logScaleCheck").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("log scale is on by default").isTrue();
        double logarithmic = ((Number) chart.getData().get(0).getData().get(0).getYValue()).doubleValue();
        robot.clickOn("#logScaleCheck");
        double linear = ((Number) chart.getData().get(0).getData().get(0).getYValue()).doubleValue();
        assertThat(logarithmic).isCloseTo(Math.log10(linear), within(1e-9));

        robot.clickOn("#smoothCheck");
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("Held-out error", "Smoothed", "1%");

        Bounds plotArea = chart.lookup(".chart-plot-background").localToScene(
                chart.lookup(".chart-plot-background").getBoundsInLocal());
        robot.moveTo(new Point2D(robot.targetWindow().getX() + plotArea.getMinX() + 2,
                robot.targetWindow().getY() + plotArea.getCenterY()));
        assertThat(robot.lookup("#chartReadout").queryAs(Label.class).getText()).startsWith("Epoch 1:");
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
        try (var in = Messages.class.getResourceAsStream("/org/bitcountlab/ui/" + name);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
