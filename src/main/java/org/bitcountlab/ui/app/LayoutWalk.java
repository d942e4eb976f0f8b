package org.bitcountlab.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.state.Presentation;

/**
 * Walks every tab of the window, in the normal window and then in presentation mode, and looks at
 * each with the {@link LayoutProbe}: what the layout report prints and what the layout tests
 * assert. One step per frame or two, so that every tab is laid out and drawn before it is looked at.
 */
public final class LayoutWalk {

    /** Frames to wait after a change before looking: one to lay it out, one to draw what shows. */
    private static final int SETTLE_FRAMES = 3;

    /** One tab in one mode, and what was found there. */
    public record Look(boolean presentation, String tab, LayoutProbe.Result result) {
    }

    /** Everything the walk found. */
    public record Summary(String screen, double scale, List<Look> looks) {

        public List<LayoutProbe.Finding> clipped() {
            return looks.stream().flatMap(look -> look.result().clipped().stream()).toList();
        }

        public List<LayoutProbe.Finding> overlapping() {
            return looks.stream().flatMap(look -> look.result().overlapping().stream()).toList();
        }

        public List<LayoutProbe.Finding> unreachable() {
            return looks.stream().flatMap(look -> look.result().unreachable().stream()).toList();
        }

        public List<LayoutProbe.Finding> invisibleFocus() {
            return looks.stream().flatMap(look -> look.result().invisibleFocus().stream()).toList();
        }

        /** The smallest chart plot in the looks of one mode, or null when none had a chart. */
        public LayoutProbe.Plot smallestPlot(boolean presentation) {
            return looks.stream().filter(look -> look.presentation() == presentation)
                    .map(look -> look.result().smallestPlot()).filter(plot -> plot != null)
                    .min((a, b) -> Double.compare(a.readability(), b.readability())).orElse(null);
        }

        public double smallestTextPx(boolean presentation) {
            return looks.stream().filter(look -> look.presentation() == presentation)
                    .mapToDouble(look -> look.result().smallestTextPx()).filter(px -> !Double.isNaN(px)).min()
                    .orElse(Double.NaN);
        }

        /** The report's last line. */
        public String json() {
            LayoutProbe.Plot plot = smallestPlot(false);
            LayoutProbe.Plot presented = smallestPlot(true);
            return String.format(Locale.ROOT, "{\"screen\":\"%s\",\"scale\":%.2f,\"clippedTexts\":%d,\"overlappingTexts\":%d,"
                    + "\"unreachableControls\":%d,\"invisibleFocusStops\":%d,\"smallestPlot\":%s,\"smallestPlotChart\":%s,"
                    + "\"smallestPresentationPlot\":%s,\"smallestPresentationPlotChart\":%s,"
                    + "\"smallestPresentationTextPx\":%s,\"smallestTextPx\":%s}",
                    screen, scale, clipped().size(), overlapping().size(), unreachable().size(), invisibleFocus().size(),
                    size(plot), name(plot), size(presented), name(presented), px(smallestTextPx(true)),
                    px(smallestTextPx(false)));
        }

        private static String size(LayoutProbe.Plot plot) {
            return plot == null ? "null" : String.format(Locale.ROOT, "[%.0f,%.0f]", plot.width(), plot.height());
        }

        private static String name(LayoutProbe.Plot plot) {
            return plot == null ? "null" : "\"" + plot.chart().replace("\"", "'") + "\"";
        }

        private static String px(double value) {
            return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    private final Stage stage;
    private final Presentation presentation;
    private final boolean withFocus;
    private final boolean inPresentationToo;
    private final List<Look> looks = new ArrayList<>();
    // the stops whose focus was pictured already, per mode: the same control looks the same on every tab
    private final java.util.Map<Boolean, java.util.Set<javafx.scene.Node>> focusSeen = new java.util.HashMap<>();
    private Consumer<Look> eachLook = look -> { };

    /**
     * @param withFocus         also move the focus through every stop, to see whether it shows
     * @param inPresentationToo walk the tabs again in presentation mode
     */
    public LayoutWalk(Stage stage, Presentation presentation, boolean withFocus, boolean inPresentationToo) {
        this.stage = stage;
        this.presentation = presentation;
        this.withFocus = withFocus;
        this.inPresentationToo = inPresentationToo;
    }

    /** Also hands each look to {@code action} as it is taken, with the window as it looked. */
    public LayoutWalk onEachLook(Consumer<Look> action) {
        this.eachLook = action;
        return this;
    }

    /** Starts the walk on the FX thread; {@code done} gets the summary there, with the window as it was. */
    public void start(Consumer<Summary> done) {
        boolean wasPresenting = presentation.onProperty().get();
        int tabWas = tabs().getSelectionModel().getSelectedIndex();
        String screen = String.format(Locale.ROOT, "%.0fx%.0f", stage.getScene().getWidth(), stage.getScene().getHeight());
        List<Runnable> steps = new ArrayList<>();
        for (boolean presenting : inPresentationToo ? new boolean[] {false, true} : new boolean[] {false}) {
            int tabCount = tabs().getTabs().size();
            for (int index = 0; index < tabCount; index++) {
                int tab = index;
                steps.add(() -> {
                    presentation.onProperty().set(presenting);
                    tabs().getSelectionModel().select(tab);
                });
                steps.add(() -> look(presenting));
            }
        }
        steps.add(() -> {
            presentation.onProperty().set(wasPresenting);
            tabs().getSelectionModel().select(tabWas);
        });
        int[] next = {0};
        int[] wait = {0};
        FirstFrame.eachFrameAfter(() -> {
            if (wait[0]-- > 0) {
                return true;
            }
            steps.get(next[0]++).run();
            wait[0] = SETTLE_FRAMES;
            if (next[0] < steps.size()) {
                return true;
            }
            done.accept(new Summary(screen, stage.getOutputScaleX(), List.copyOf(looks)));
            return false;
        });
    }

    private void look(boolean presenting) {
        Scene scene = stage.getScene();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Tab tab = tabs().getSelectionModel().getSelectedItem();
        Look look = new Look(presenting, tab.getText(), LayoutProbe.probe(scene, withFocus,
                focusSeen.computeIfAbsent(presenting, mode -> new java.util.HashSet<>())));
        looks.add(look);
        eachLook.accept(look);
    }

    private TabPane tabs() {
        return (TabPane) stage.getScene().lookup("#tabs");
    }
}
