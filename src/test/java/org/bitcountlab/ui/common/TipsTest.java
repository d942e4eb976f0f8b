package org.bitcountlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tooltips a view's accessible help describes come once the first frame has begun, and follow the help. */
@ExtendWith(ApplicationExtension.class)
class TipsTest {

    private final Button helped = new Button("Train");
    private final Button ownTooltip = new Button("Stop");
    private final Button unhelped = new Button("Reset");
    private final Region chart = new Region();
    private final VBox view = new VBox(helped, ownTooltip, unhelped, new VBox(chart));
    private final FrameCounter frames = new FrameCounter(); // keeps JavaFX drawing frames

    @Start
    void start(Stage stage) {
        helped.setAccessibleHelp("Trains the network");
        ownTooltip.setAccessibleHelp("Stops the run");
        ownTooltip.setTooltip(new Tooltip("its own"));
        chart.setAccessibleHelp("The error after each epoch");
        stage.setScene(new Scene(view, 300, 200));
        stage.show();
        frames.start();
    }

    @AfterEach
    void stopFrames(FxRobot robot) {
        robot.interact(frames::stop);
    }

    @Test
    void eachHelpedNodeGetsItsTooltipAfterTheFirstFrameAndOnlyOne(FxRobot robot) throws Exception {
        Tooltip[] rightAway = new Tooltip[1];
        robot.interact(() -> {
            Tips.afterFirstFrame(view);
            rightAway[0] = helped.getTooltip();
        });
        assertThat(rightAway[0]).as("not in the frame the view is made in").isNull();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> helped.getTooltip() != null);
        assertThat(helped.getTooltip().getText()).isEqualTo("Trains the network");
        assertThat(ownTooltip.getTooltip().getText()).as("a tooltip set by the view stays").isEqualTo("its own");
        assertThat(unhelped.getTooltip()).isNull();
        assertThat(installedOn(chart)).as("a chart, not a control, gets one too").isNotNull();
        assertThat(installedOn(chart).getText()).isEqualTo("The error after each epoch");

        Tooltip first = helped.getTooltip();
        Tooltip onChart = installedOn(chart);
        robot.interact(() -> Tips.install(view)); // a view inside another is walked again
        assertThat(helped.getTooltip()).isSameAs(first);
        assertThat(installedOn(chart)).isSameAs(onChart);
    }

    @Test
    void aTooltipFollowsItsHelpWhenTheViewChangesIt(FxRobot robot) {
        robot.interact(() -> Tips.install(view));
        robot.interact(() -> chart.setAccessibleHelp("The error on 50,000 strings"));
        assertThat(installedOn(chart).getText()).isEqualTo("The error on 50,000 strings");
    }

    /** The tooltip {@link Tooltip#install} keeps in a node's properties, if any. */
    private static Tooltip installedOn(Node node) {
        return node.getProperties().values().stream().filter(Tooltip.class::isInstance).map(Tooltip.class::cast)
                .findFirst().orElse(null);
    }
}
