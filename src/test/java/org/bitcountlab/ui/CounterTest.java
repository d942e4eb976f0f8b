package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.ui.biteditor.SoftmaxChart;
import org.bitcountlab.ui.state.LabModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Where the counter lives: the read-out of the pretrained model, silencing units, the cell type. */
class CounterTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void thePretrainedModelCountsInItsStateAndTheInsideViewReadsIt(FxRobot robot) throws Exception {
        robot.clickOn("Where the counter lives");
        waitFor(30, () -> lab.readout().readoutProperty().get() != null);
        // the shipped model (the median of five tutorial runs) reads R^2 0.80 at the last step
        assertThat(lab.readout().readoutProperty().get().rSquaredAtLastStep()).isGreaterThan(0.75);
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText()).contains("R\u00b2 = 0.8");

        double[] read = viewModels.inside().readCountsProperty().get();
        assertThat(read).hasSize(20);
        assertThat(read[19]).isCloseTo(lab.string().trueCountProperty().get(), within(1.5));
    }

    @Test
    void theReadOutIsBuiltOnlyOnceItsTabShows(FxRobot robot) throws Exception {
        // the window opens on the learning curve; the counter's tab is built in the frames after
        waitFor(30, () -> lab.readout().readoutProperty().get() != null);
        waitFor(30, () -> robot.lookup("#silenceToggles").tryQuery().isPresent());
        waitForIdle();
        FlowPane toggles = robot.lookup("#silenceToggles").queryAs(FlowPane.class);
        javafx.scene.chart.BarChart<?, ?> units = robot.lookup("#unitChart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(toggles.getChildren()).as("no buttons made for a hidden tab").isEmpty();
        assertThat(units.getData()).isEmpty();

        robot.clickOn("Where the counter lives");
        waitFor(10, () -> toggles.getChildren().size() == 24);
        assertThat(units.getData()).hasSize(1);
        assertThat(units.getData().get(0).getData()).hasSize(24);
    }

    /** The units keep their numbers under their bars when the tab is rebuilt for the next model. */
    @Test
    void theUnitsAreNumberedUnderTheirBarsForEveryModelShown(FxRobot robot) throws Exception {
        robot.clickOn("Where the counter lives");
        waitFor(30, () -> lab.readout().readoutProperty().get() != null);
        waitForIdle();
        javafx.scene.chart.BarChart<?, ?> units = robot.lookup("#unitChart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(numbersShown(units)).as("unit 20, which lesson 3 names, among them").contains("20").hasSizeGreaterThanOrEqualTo(5);

        LabModel first = lab.models().get();
        robot.interact(() -> lab.models().show(
                lab.models().create(LabModel.Origin.OPENED, "other.bitcount.zip", first.model())));
        waitFor(30, () -> lab.readout().readoutProperty().get() != null && lab.models().get() != first);
        waitForIdle();
        assertThat(units.getData()).hasSize(1);
        assertThat(numbersShown(units)).as("the next model's units, numbered").contains("20").hasSizeGreaterThanOrEqualTo(5);
    }

    private static java.util.List<String> numbersShown(javafx.scene.chart.BarChart<?, ?> chart) {
        return chart.getXAxis().getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                .map(javafx.scene.text.Text.class::cast).filter(javafx.scene.Node::isVisible)
                .map(javafx.scene.text.Text::getText).toList();
    }

    @Test
    void silencingEveryUnitLeavesTheOutputLayersBiasAloneAndRestoreBringsTheAnswerBack(FxRobot robot) throws Exception {
        robot.clickOn("Where the counter lives");
        waitFor(30, () -> lab.readout().readoutProperty().get() != null);
        waitForIdle();
        SoftmaxChart softmax = robot.lookup("#softmaxChart").queryAs(SoftmaxChart.class);
        double[] before = heights(softmax);
        String allUnits = robot.lookup("#ablationLabel").queryAs(Label.class).getText();
        assertThat(allUnits).startsWith("Error with all units, on 50,000 strings:");

        FlowPane toggles = robot.lookup("#silenceToggles").queryAs(FlowPane.class);
        robot.interact(() -> toggles.getChildren().forEach(toggle -> ((ToggleButton) toggle).fire()));
        waitForIdle();

        ParameterSnapshot weights = lab.models().get().model().parameters();
        double[] biasOnly = softmax(weights.outputBias());
        assertThat(heights(softmax)).containsExactly(biasOnly, within(1e-6));
        assertThat(robot.lookup("#ablationLabel").queryAs(Label.class).getText())
                .startsWith("Error with units 1, 2, 3, ").contains(", 24 silenced, on 50,000 strings:");
        Label model = robot.lookup("#modelLabel").queryAs(Label.class);
        assertThat(model.getText()).as("the bit editor's answers are the silenced model's, and it says so")
                .startsWith("Model: pretrained").contains("units 1, 2, 3, ", ", 24 silenced (Where the counter lives)");

        robot.clickOn("#restoreButton");
        waitForIdle();
        assertThat(model.getText()).doesNotContain("silenced");
        assertThat(heights(softmax)).containsExactly(before, within(1e-12));
        assertThat(robot.lookup("#ablationLabel").queryAs(Label.class).getText()).isEqualTo(allUnits);
        assertThat(toggles.getChildren()).noneMatch(toggle -> ((ToggleButton) toggle).isSelected());
    }

    @Test
    void theCellTypeChoiceTrainsASimpleRnn(FxRobot robot) throws Exception {
        robot.interact(() -> viewModels.settings().cellProperty().set(CellType.SIMPLE_RNN));
        smallRun(robot, 1);
        assertThat(viewModels.settings().settingsProperty().get().cellType()).isEqualTo(CellType.SIMPLE_RNN);
        assertThat(robot.lookup("#presetChoice").queryComboBox().getButtonCell().getText()).isEqualTo("Custom");
        robot.clickOn("#trainButton");
        waitForRunToEnd();

        assertThat(lab.models().get().model().settings().cellType()).isEqualTo(CellType.SIMPLE_RNN);
        Prediction prediction = lab.string().predictionProperty().get();
        assertThat(prediction.probabilities()).hasSize(21);
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).startsWith("Finished: 1 epochs");
    }


    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
