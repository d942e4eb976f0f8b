package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.bitcountlab.ui.failures.ErrorByCountView;
import org.bitcountlab.ui.failures.LengthChart;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Switching the language re-translates the window and loses nothing; old views do not linger. */
class LanguageSwitchTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** Everything the tabs show that is data rather than words. */
    private record Shown(List<Object> errorCurve, List<Object> lossCurve, List<Object> errorByCount, List<Object> lengths,
            boolean logScale, boolean smooth, int runs, int selectedRuns, Object confusion) {
    }

    /** The words: these change with the language. */
    private record Words(String status, String model, String progress, String train, String failuresTitle) {
    }

    @Test
    void afterAFinishedRunSwitchingLanguageKeepsWhatEveryTabShows(FxRobot robot) throws Exception {
        smallRun(robot, 3);
        robot.clickOn("#trainButton");
        waitForRunToEnd();
        robot.interact(() -> viewModels.training().evaluateAll());
        robot.clickOn("Where it fails");
        robot.clickOn("#lengthsButton");
        robot.clickOn("Learning curve");
        robot.clickOn("#logScaleCheck");
        robot.clickOn("#smoothCheck");
        robot.clickOn("Runs and sweeps");
        robot.interact(() -> robot.lookup("#runsTable").queryAs(TableView.class).getSelectionModel().selectAll());
        waitForIdle();
        Shown before = shown(robot);
        Words english = words(robot);
        assertThat(english.status()).startsWith("All 1,048,076 test strings");

        switchTo(robot, 1);
        assertThat(shown(robot)).isEqualTo(before);
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex())
                .as("still the runs tab").isEqualTo(1);
        Words chinese = words(robot);
        assertThat(chinese.train()).isEqualTo("训练");
        assertThat(chinese.status()).startsWith("全部");
        assertThat(chinese.model()).isEqualTo("模型：你训练的网络（3 轮）");
        assertThat(chinese.progress()).isEqualTo("第 3 / 3 轮");

        switchTo(robot, 0);
        assertThat(shown(robot)).isEqualTo(before);
        assertThat(words(robot)).isEqualTo(english);
    }

    @Test
    void twentySwitchesLeaveNoOldViewReachable(FxRobot robot) throws Exception {
        WeakReference<Parent> first = new WeakReference<>(stage.getScene().getRoot());
        for (int i = 0; i < 20; i++) {
            switchTo(robot, (i + 1) % 2);
        }
        assertThat(stage.getScene().getRoot()).isNotSameAs(first.get());
        List<byte[]> pressure = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && first.get() != null; attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
            pressure.add(new byte[1 << 20]);
        }
        assertThat(first.get()).as("the first window's views are still reachable").isNull();
    }

    private void switchTo(FxRobot robot, int language) {
        ComboBox<?> languages = robot.lookup("#languageChoice").queryComboBox();
        robot.interact(() -> languages.getSelectionModel().select(language));
        WaitForAsyncUtils.waitForFxEvents();
        Locale expected = language == 0 ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        assertThat(viewModels.header().languageProperty().get()).isEqualTo(expected);
    }

    private Shown shown(FxRobot robot) {
        return new Shown(points(robot, "#errorChart", 0), points(robot, "#lossChart", 0),
                List.of(lab.models().failuresProperty().get()),
                robot.lookup("#lengthChart").queryAs(LengthChart.class).getData().get(0).getData().stream()
                        .map(d -> (Object) d.getYValue()).toList(),
                robot.lookup("#logScaleCheck").queryAs(CheckBox.class).isSelected(),
                robot.lookup("#smoothCheck").queryAs(CheckBox.class).isSelected(),
                robot.lookup("#runsTable").queryAs(TableView.class).getItems().size(),
                robot.lookup("#runsTable").queryAs(TableView.class).getSelectionModel().getSelectedItems().size(),
                lab.models().failuresProperty().get().model().id());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> points(FxRobot robot, String chart, int series) {
        XYChart<Number, Number> xy = robot.lookup(chart).queryAs(XYChart.class);
        return xy.getData().get(series).getData().stream()
                .map(d -> (Object) List.of(d.getXValue(), d.getYValue())).toList();
    }

    private static Words words(FxRobot robot) {
        return new Words(text(robot, "#statusLabel"), text(robot, "#modelLabel"), text(robot, "#progressLabel"),
                robot.lookup("#trainButton").queryButton().getText(),
                robot.lookup("#errorByCountView").queryAs(ErrorByCountView.class).getAccessibleText());
    }

    private static String text(FxRobot robot, String label) {
        return robot.lookup(label).queryAs(Label.class).getText();
    }
}
