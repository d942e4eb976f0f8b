package org.bitcountlab.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import java.util.Locale;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.runs.SweepBase;

/**
 * A report mode for the desktop app ({@code -Dbitcount.layoutReport=true}): once the pretrained
 * model is shown it fills every view (a short run, so that the curve and the runs table have one;
 * a small sweep; the other lengths), walks every tab in the normal window at the screen's size and
 * again in presentation mode, prints what it found and one JSON line, and quits.
 */
final class LayoutReport {

    static final String PROPERTY = "bitcount.layoutReport";
    /** A folder to save a picture of every look in, when given. */
    static final String SHOTS_PROPERTY = "bitcount.layoutReport.shots";
    /** A lesson's number (1 to 3) to open before the walk, so that its card is laid out with every tab. */
    static final String LESSON_PROPERTY = "bitcount.layoutReport.lesson";
    /** A run of a few seconds: enough for a curve, a row in the runs table and the analyses. */
    private static final TrainingSettings SHORT_RUN = TrainingSettings.fast().withTrainSize(1_000).withEpochs(3);

    private final ViewModels viewModels;
    private final Stage stage;

    LayoutReport(ViewModels viewModels, Stage stage) {
        this.viewModels = viewModels;
        this.stage = stage;
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    void start() {
        // the whole screen, as maximised (a bare X server has no window manager to maximise it)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        FirstFrame.eachFrameAfter(() -> {
            if (viewModels.lab().models().get() == null || !viewModels.lab().tasks().isIdle()) {
                return true;
            }
            fill();
            return false;
        });
    }

    /** Every view with something in it: a finished run, a finished sweep, the lengths. */
    private void fill() {
        viewModels.lab().run().start(SHORT_RUN, 0, result -> {
            viewModels.runs().form().baseProperty().set(SweepBase.choices().get(0));
            viewModels.runs().form().valuesTextProperty().set("2, 8");
            viewModels.runs().form().seedsTextProperty().set("1");
            viewModels.runs().form().epochsTextProperty().set("2");
            viewModels.runs().sweep();
            FirstFrame.eachFrameAfter(() -> {
                if (viewModels.runs().sweepingProperty().get() || !viewModels.lab().tasks().isIdle()) {
                    return true;
                }
                viewModels.failures().tryOtherLengths();
                FirstFrame.eachFrameAfter(() -> {
                    if (!viewModels.lab().tasks().isIdle()) {
                        return true;
                    }
                    walk();
                    return false;
                });
                return false;
            });
        });
    }

    private void walk() {
        Integer lesson = Integer.getInteger(LESSON_PROPERTY);
        if (lesson != null) {
            viewModels.lessons().start(viewModels.lessons().builtIn().get(lesson - 1));
            viewModels.lessons().next(); // a card with a question
        }
        String shots = System.getProperty(SHOTS_PROPERTY);
        new LayoutWalk(stage, viewModels.lab().presentation(), true, true).onEachLook(look -> {
            if (shots != null) {
                save(look, Path.of(shots));
            }
        }).start(summary -> {
            for (LayoutWalk.Look look : summary.looks()) {
                String where = (look.presentation() ? "presentation, " : "window, ") + look.tab();
                print(where, look.result().clipped());
                print(where, look.result().overlapping());
                print(where, look.result().unreachable());
                print(where, look.result().invisibleFocus());
                if (look.result().smallestPlot() != null) {
                    System.out.printf(Locale.ROOT, "%s: smallest plot %.0fx%.0f (%s), smallest text %.1f px%n", where,
                            look.result().smallestPlot().width(), look.result().smallestPlot().height(),
                            look.result().smallestPlot().chart(), look.result().smallestTextPx());
                }
            }
            System.out.println(summary.json());
            Platform.exit();
        });
    }

    /** A picture of the window as the look saw it: window-2.png, presentation-3.png (by the tab's place). */
    private void save(LayoutWalk.Look look, Path folder) {
        int tab = ((javafx.scene.control.TabPane) stage.getScene().lookup("#tabs")).getSelectionModel().getSelectedIndex();
        Path file = folder.resolve((look.presentation() ? "presentation-" : "window-") + (tab + 1) + ".png");
        try {
            Files.createDirectories(folder);
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
        } catch (IOException e) {
            System.err.println("could not save " + file + ": " + e.getMessage());
        }
    }

    private static void print(String where, List<LayoutProbe.Finding> findings) {
        findings.forEach(finding -> System.out.println(where + ": " + finding));
    }
}
