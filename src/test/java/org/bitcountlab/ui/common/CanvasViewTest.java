package org.bitcountlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A canvas view on a tab not chosen draws nothing until it is shown, then what it was last asked to. */
@ExtendWith(ApplicationExtension.class)
class CanvasViewTest {

    /** Records what it drew: the content it had each time. */
    private static final class Recording extends CanvasView {
        final List<Integer> drawn = new ArrayList<>();
        int content;

        Recording() {
            super("recording");
            setPrefSize(200, 100);
        }

        void show(int newContent) {
            content = newContent;
            redraw();
        }

        @Override
        protected void draw(GraphicsContext g, double width, double height) {
            drawn.add(content);
        }
    }

    private final Recording onShownTab = new Recording();
    private final Recording onOtherTab = new Recording();
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        tabs = new TabPane(new Tab("shown", onShownTab), new Tab("other", onOtherTab));
        stage.setScene(new Scene(tabs, 400, 300));
        stage.show();
    }

    @Test
    void aHiddenViewDrawsOnceWhenShownWithItsLatestContent(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            onShownTab.drawn.clear();
            onOtherTab.drawn.clear();
        });

        for (int epoch = 1; epoch <= 30; epoch++) {
            int content = epoch;
            robot.interact(() -> {
                onShownTab.show(content);
                onOtherTab.show(content);
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onShownTab.drawn).as("the view in sight, every time").hasSizeGreaterThanOrEqualTo(30).endsWith(30);
        assertThat(onOtherTab.drawn).as("the hidden view").isEmpty();
        assertThat(WhenShown.showing(onOtherTab)).isFalse();

        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WhenShown.showing(onOtherTab)).isTrue();
        assertThat(onOtherTab.drawn).as("drawn when shown, with the last content only").isNotEmpty().containsOnly(30);

        robot.interact(() -> onOtherTab.drawn.clear());
        robot.interact(() -> onOtherTab.show(31));
        assertThat(onOtherTab.drawn).as("in sight, drawn at once").containsExactly(31);
    }

    @Test
    void aViewOutOfAnySceneDrawsWhenItJoinsOne(FxRobot robot) {
        Recording later = new Recording();
        robot.interact(() -> later.show(7));
        assertThat(later.drawn).isEmpty();

        robot.interact(() -> tabs.getTabs().get(0).setContent(later));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(later.drawn).endsWith(7);
    }
}
