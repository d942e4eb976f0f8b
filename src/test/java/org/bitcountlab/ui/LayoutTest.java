package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.bitcountlab.ui.app.LayoutProbe;
import org.bitcountlab.ui.app.LayoutWalk;
import org.bitcountlab.ui.common.CanvasView;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.failures.LengthChart;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The walk the layout report makes, headless: every tab in the window at 800x600 and at 1024x768,
 * and in presentation mode on the screen (1280x800 here). Nothing cut to "…" or cut off, no text
 * over another, every control in reach, every keyboard stop showing its focus, presentation text
 * at least a 54th of the screen's height; and the walk finds a planted defect.
 */
class LayoutTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void everyTabIsWholeAt800x600And1024x768AndInPresentationMode(FxRobot robot) throws Exception {
        smallRun(robot, 2);
        robot.clickOn("#trainButton");
        waitForRunToEnd();

        LayoutWalk.Summary small = walk(robot, 800, 600, false);
        assertWhole(small);

        LayoutWalk.Summary presented = walk(robot, 1024, 768, true);
        assertWhole(presented);
        double screenHeight = stage.getScene().getHeight();
        assertThat(presented.smallestTextPx(true)).as("presentation text")
                .isGreaterThanOrEqualTo(Math.max(14, screenHeight / 54) - 0.05);
        LayoutProbe.Plot plot = presented.smallestPlot(true);
        assertThat(plot.readability()).as("the smallest plot in presentation mode, %s %.0fx%.0f", plot.chart(),
                plot.width(), plot.height()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theProbeFindsAClippedLabelTextOverTextAndAControlOutOfReach(FxRobot robot) {
        // planted where the side panel shows them
        AtomicReference<LayoutProbe.Result> result = new AtomicReference<>();
        robot.interact(() -> {
            Pane planted = new Pane();
            Label clipped = new Label("a title far too long for its room");
            clipped.setMaxWidth(60);
            clipped.resizeRelocate(0, 0, 60, 20);
            Label first = new Label("over");
            first.relocate(0, 40);
            Label second = new Label("each other");
            second.relocate(8, 42);
            javafx.scene.control.Button away = new javafx.scene.control.Button("out of the window");
            away.relocate(5000, 5000);
            planted.getChildren().addAll(clipped, first, second, away);
            ((VBox) stage.getScene().lookup("#sidePanel")).getChildren().add(0, planted);
        });
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            result.set(LayoutProbe.probe(stage.getScene(), false));
        });
        assertThat(result.get().clipped()).extracting(LayoutProbe.Finding::where)
                .anyMatch(where -> where.contains("a title far too long"));
        assertThat(result.get().overlapping()).extracting(LayoutProbe.Finding::where)
                .anyMatch(where -> where.contains("'over'") && where.contains("'each other'"));
        // the side panel scrolls up and down, not sideways: a button far to the right is out of reach
        assertThat(result.get().unreachable()).extracting(LayoutProbe.Finding::where).containsExactly("#sidePanel.button");
    }

    @Test
    void aDrawnLabelSqueezedOrOutsideItsViewCounts(FxRobot robot) {
        AtomicReference<LayoutProbe.Result> result = new AtomicReference<>();
        robot.interact(() -> {
            CanvasView planted = new CanvasView("planted") {
                @Override
                protected void draw(javafx.scene.canvas.GraphicsContext g, double width, double height) {
                    fillText(g, "squeezed into too little room", 10, 20, 30);
                    fillText(g, "past the edge", width - 10, 40);
                    fillText(g, "one", 10, 60);
                    fillText(g, "one over", 12, 61);
                }
            };
            planted.setMinSize(200, 80);
            planted.setPrefSize(200, 80);
            ((VBox) stage.getScene().lookup("#sidePanel")).getChildren().add(0, planted);
        });
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> result.set(LayoutProbe.probe(stage.getScene(), false)));
        assertThat(result.get().clipped()).extracting(LayoutProbe.Finding::where)
                .anyMatch(where -> where.contains("squeezed into"))
                .anyMatch(where -> where.contains("past the edge"));
        assertThat(result.get().overlapping()).extracting(LayoutProbe.Finding::where)
                .anyMatch(where -> where.contains("'one'") && where.contains("'one over'"));
    }

    @Test
    void aShortLengthChartShortensItsAxisTitleRatherThanCuttingIt(FxRobot robot) {
        LengthChart chart = new LengthChart();
        chart.setId("lengthChart");
        AtomicReference<Stage> shown = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), 300, 90));
            stage.show();
            shown.set(stage);
        });
        Stage small = shown.get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getYAxis().getLabel()).as("at 90 px").isEqualTo("%");
        AtomicReference<LayoutProbe.Result> result = new AtomicReference<>();
        robot.interact(() -> result.set(LayoutProbe.probe(small.getScene(), false)));
        assertThat(result.get().clipped()).extracting(LayoutProbe.Finding::where).noneMatch(where -> where.contains("axis-label"));

        robot.interact(() -> small.setHeight(300));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getYAxis().getLabel()).as("at 300 px").isEqualTo(Messages.get("chart.error.y"));
        robot.interact(small::close);
    }

    /**
     * Presenting at 1280x800 under a lesson's card, the answer a class asked for is scrolled into
     * view: the lengths chart after Try other lengths, and what silencing a unit costs, though both
     * sit below the fold.
     */
    @Test
    void theAnswerAClassAskedForScrollsIntoView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            lab.presentation().onProperty().set(true);
            viewModels.lessons().start(viewModels.lessons().builtIn().get(2));
            lab.shownTab().set("failures");
        });
        waitForIdle();
        Node chart = robot.lookup("#lengthChart").query();
        assertThat(inView(chart)).as("before it is asked for, the lengths chart is below the fold").isFalse();

        robot.interact(() -> viewModels.failures().tryOtherLengths());
        waitForIdle();
        assertThat(inView(chart)).as("the lengths chart, once measured").isTrue();

        robot.interact(() -> lab.shownTab().set("counter"));
        waitFor(30, () -> robot.lookup("#silenceToggles").tryQuery().isPresent());
        waitForIdle();
        Node cost = robot.lookup("#ablationLabel").query();
        assertThat(inView(cost)).as("before a unit is silenced, the error is below the fold").isFalse();
        robot.interact(() -> viewModels.counter().toggleSilenced(19));
        waitForIdle();
        assertThat(inView(cost)).as("the error with unit 20 silenced").isTrue();
        robot.interact(() -> {
            viewModels.counter().restoreAllUnits();
            viewModels.lessons().close();
            lab.presentation().onProperty().set(false);
        });
    }

    /** Whether {@code node} shows whole, top to bottom, in the scroll pane around it. */
    private static boolean inView(Node node) {
        Node pane = node.getParent();
        while (!(pane instanceof javafx.scene.control.ScrollPane)) {
            pane = pane.getParent();
        }
        javafx.geometry.Bounds view = pane.localToScene(pane.getLayoutBounds());
        javafx.geometry.Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMinY() >= view.getMinY() - 1 && bounds.getMaxY() <= view.getMaxY() + 1;
    }

    /** Presenting at 1280x800 with a lesson's card and the all-strings note, the caption stays one line. */
    @Test
    void presentingTheHeadlineKeepsItsCaptionWholeBesideALongNote(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            lab.presentation().onProperty().set(true);
        });
        javafx.scene.control.Label caption = robot.lookup("#headlineCaption").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label note = robot.lookup("#testHeadlineLabel").queryAs(javafx.scene.control.Label.class);
        robot.interact(() -> note.setText("All test strings: 0.040%. The tutorial printed 0.3% after 600 epochs."
                + " The tutorial printed 0.3% after 600 epochs."));
        WaitForAsyncUtils.waitForFxEvents();
        double oneLine = caption.getFont().getSize() * 1.6;
        assertThat(caption.getHeight()).as("'%s' in one line", caption.getText()).isLessThan(oneLine);
        assertThat(note.getHeight()).as("the note wraps instead").isGreaterThan(oneLine);
        robot.interact(() -> lab.presentation().onProperty().set(false));
    }

    private LayoutWalk.Summary walk(FxRobot robot, double width, double height, boolean presentationToo)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        AtomicReference<LayoutWalk.Summary> summary = new AtomicReference<>();
        robot.interact(() -> new LayoutWalk(stage, lab.presentation(), true, presentationToo).start(summary::set));
        waitFor(60, () -> summary.get() != null);
        return summary.get();
    }

    private static void assertWhole(LayoutWalk.Summary summary) {
        assertThat(summary.clipped()).as("texts cut at %s", summary.screen()).isEmpty();
        assertThat(summary.overlapping()).as("texts over each other at %s", summary.screen()).isEmpty();
        assertThat(summary.unreachable()).as("controls out of reach at %s", summary.screen()).isEmpty();
        assertThat(summary.invisibleFocus()).as("keyboard stops that show no focus at %s", summary.screen()).isEmpty();
    }
}
