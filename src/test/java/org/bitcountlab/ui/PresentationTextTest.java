package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.bitcountlab.ui.common.CanvasView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * What a class reads from the back of the room: in presentation mode every text the window shows
 * (labels, buttons, chart titles, axis ticks, legends, the canvas views) is at least 20 px.
 */
class PresentationTextTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void everyVisibleTextIsAtLeastTwentyPixels(FxRobot robot) throws Exception {
        smallRun(robot, 2);
        robot.clickOn("#trainButton");
        waitForRunToEnd();
        robot.interact(() -> lab.presentation().onProperty().set(true));
        for (String tab : new String[] {"Learning curve", "Runs and sweeps", "Where it fails", "Inside the LSTM"}) {
            robot.clickOn(tab);
            robot.interact(() -> stage.getScene().getRoot().applyCss());
            List<String> small = new ArrayList<>();
            collectSmallText(stage.getScene().getRoot(), small);
            assertThat(small).as("text under 20 px on the %s tab", tab).isEmpty();
            assertThat(robot.lookup(".step-view").queryAs(CanvasView.class).textSizeProperty().get()).isEqualTo(20);
            assertThat(robot.lookup(".error-by-count-view").queryAs(CanvasView.class).textSizeProperty().get()).isEqualTo(20);
        }
        robot.interact(() -> lab.presentation().onProperty().set(false));
    }

    private static void collectSmallText(Node node, List<String> small) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text text && !text.getText().isBlank() && text.getFont().getSize() < 19.5) {
            small.add("'" + text.getText() + "' " + text.getFont().getSize() + " px in " + owner(text));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectSmallText(child, small));
        }
    }

    private static String owner(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null || !n.getStyleClass().isEmpty()) {
                return n.getId() != null ? "#" + n.getId() : "." + n.getStyleClass();
            }
        }
        return "?";
    }
}
