package org.bitcountlab.ui.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;

import org.bitcountlab.ui.common.CanvasView;

/**
 * What a class at the back of the room would find wrong with the window as it is laid out now:
 * text cut to "…" or cut off, texts drawn over each other, controls that cannot be reached (off
 * the window, or in a tab bar's overflow menu), keyboard stops that show no focus, the smallest
 * chart and the smallest text. Texts drawn on the canvas views count as texts. Call on the FX
 * thread, after a layout.
 */
public final class LayoutProbe {

    /** One thing found, in words, to print beside the counts. */
    public record Finding(String kind, String where) {
        @Override
        public String toString() {
            return kind + ": " + where;
        }
    }

    /** A chart's plot area, by the chart's name. */
    public record Plot(String chart, double width, double height) {

        /** The plot a class reads from the back of the room is at least this wide and tall (in pixels). */
        public static final double READABLE_WIDTH = 240;
        public static final double READABLE_HEIGHT = 150;

        /** How far it is from readable: under 1 where it is too narrow or too low, the smaller the worse. */
        public double readability() {
            return Math.min(width / READABLE_WIDTH, height / READABLE_HEIGHT);
        }
    }

    /** What one look at the window found. */
    public record Result(List<Finding> clipped, List<Finding> overlapping, List<Finding> unreachable,
            List<Finding> invisibleFocus, Plot smallestPlot, double smallestTextPx) {
    }

    /** Overlaps smaller than this (in pixels, both ways) are glyph edges touching, not text over text. */
    private static final double OVERLAP_TOLERANCE = 1;
    /** Room around a focused node where its focus ring is drawn. */
    private static final double FOCUS_MARGIN = 4;

    private LayoutProbe() {
    }

    /** Looks at the scene as it is; {@code withFocus} also moves the focus through every stop (and back). */
    public static Result probe(Scene scene, boolean withFocus) {
        return probe(scene, withFocus, new java.util.HashSet<>());
    }

    /**
     * The same, moving the focus only through the stops not in {@code focusSeen}, and adding them:
     * a control's focus looks the same on every tab, and picturing it is what takes the time.
     */
    public static Result probe(Scene scene, boolean withFocus, java.util.Set<Node> focusSeen) {
        Findings found = new Findings();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        found.walk(scene.getRoot(), window, window, false);
        List<Finding> overlapping = overlaps(found.texts);
        Plot smallest = found.plots.stream().min((a, b) -> Double.compare(a.readability(), b.readability())).orElse(null);
        double smallestText = found.texts.stream().mapToDouble(TextBox::size).min().orElse(Double.NaN);
        List<Node> unseen = found.focusStops.stream().filter(focusSeen::add).toList();
        List<Finding> invisible = withFocus ? invisibleFocus(scene, found.focusStops, unseen) : List.of();
        return new Result(found.clipped, overlapping, found.unreachable, invisible, smallest, smallestText);
    }

    /** A text on screen: all of it, and the part not hidden by a clip (what another text can collide with). */
    private record TextBox(String text, Bounds bounds, Bounds shown, double size, String where) {
    }

    private static final class Findings {
        final List<TextBox> texts = new ArrayList<>();
        final List<Finding> clipped = new ArrayList<>();
        final List<Finding> unreachable = new ArrayList<>();
        final List<Plot> plots = new ArrayList<>();
        final List<Node> focusStops = new ArrayList<>();

        /**
         * @param shown    what of the window the node's parents let show
         * @param reach    where a node must lie to be read or used: the window and the clips of its
         *                 parents, except those a scroll pane, a list or a table scrolls within
         * @param scrolled whether a scroller above takes the clips below it
         */
        void walk(Node node, Bounds shown, Bounds reach, boolean scrolled) {
            if (!node.isVisible() || node.getOpacity() == 0) {
                return;
            }
            Bounds inScene = node.localToScene(node.getBoundsInLocal());
            if (node.getClip() != null) {
                Bounds clip = node.localToScene(node.getClip().getBoundsInParent());
                shown = intersection(shown, clip);
                if (!scrolled) {
                    reach = intersection(reach, clip);
                }
            }
            if (node instanceof ScrollPane pane) {
                // what it scrolls is reachable however far it lies in the directions it scrolls
                boolean across = pane.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
                boolean down = pane.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
                Bounds view = intersection(reach, pane.localToScene(pane.getLayoutBounds()));
                reach = new BoundingBox(across ? -1e9 : view.getMinX(), down ? -1e9 : view.getMinY(),
                        across ? 2e9 : view.getWidth(), down ? 2e9 : view.getHeight());
                scrolled = true;
            } else if (node instanceof TableView<?> || node instanceof ListView<?> || node instanceof VirtualFlow<?>) {
                reach = new BoundingBox(-1e9, -1e9, 2e9, 2e9); // rows and columns scroll into view
                scrolled = true;
            } else if (node instanceof TextInputControl) {
                return; // the text typed scrolls within its field
            }
            if (node instanceof Text text && !text.getText().isBlank()) {
                for (Bounds line : lines(text)) {
                    texts.add(new TextBox(text.getText(), line, intersection(line, shown), text.getFont().getSize(),
                            where(text)));
                }
                if (!contains(reach, inScene)) {
                    clipped.add(new Finding("cut off", quote(text.getText()) + " in " + where(text)));
                }
            }
            if (node instanceof Labeled labeled && elided(labeled)) {
                clipped.add(new Finding("cut to …", quote(labeled.getText()) + " in " + where(labeled)));
            }
            if (node instanceof CanvasView canvas) {
                canvas(canvas, shown);
            }
            if (node instanceof XYChart<?, ?> chart) {
                Node plot = chart.lookup(".chart-plot-background");
                if (plot instanceof Region region) {
                    plots.add(new Plot(where(chart), region.getWidth(), region.getHeight()));
                }
            }
            if (node instanceof Control control && !(node instanceof ScrollBar) && control.isFocusTraversable()
                    && !control.isDisabled() && !contains(reach, inScene)) {
                unreachable.add(new Finding("out of reach", where(control)));
            }
            if (node instanceof TabPane tabs) {
                tabHeadersOutOfReach(tabs, unreachable);
            }
            if (node.isFocusTraversable() && !node.isDisabled() && contains(shown, inScene)) {
                focusStops.add(node);
            }
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    walk(child, shown, reach, scrolled);
                }
            }
        }

        private void canvas(CanvasView canvas, Bounds shown) {
            for (CanvasView.DrawnText drawn : canvas.drawnTexts()) {
                Bounds bounds = canvas.localToScene(drawn.bounds());
                texts.add(new TextBox(drawn.text(), bounds, intersection(bounds, shown), drawn.size(), where(canvas)));
                if (drawn.squeezed() || !contains(canvas.getLayoutBounds(), drawn.bounds())) {
                    clipped.add(new Finding(drawn.squeezed() ? "squeezed" : "cut off",
                            quote(drawn.text()) + " drawn in " + where(canvas)));
                }
            }
            if (canvas.plotArea() != null) {
                plots.add(new Plot(where(canvas), canvas.plotArea().getWidth(), canvas.plotArea().getHeight()));
            }
        }
    }

    /**
     * Where each line of a text lies, in the scene: a centred text of two lines, the second short,
     * covers a box as wide as the first, most of which is empty.
     */
    private static List<Bounds> lines(Text text) {
        PathElement[] shape = text.rangeShape(0, text.getText().length());
        List<Bounds> lines = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (PathElement element : shape) {
            if (element instanceof MoveTo && minX <= maxX) {
                lines.add(text.localToScene(new BoundingBox(minX, minY, maxX - minX, maxY - minY)));
                minX = minY = Double.POSITIVE_INFINITY;
                maxX = maxY = Double.NEGATIVE_INFINITY;
            }
            double x = element instanceof MoveTo move ? move.getX() : element instanceof LineTo to ? to.getX() : Double.NaN;
            double y = element instanceof MoveTo move ? move.getY() : element instanceof LineTo to ? to.getY() : Double.NaN;
            if (!Double.isNaN(x)) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (minX <= maxX) {
            lines.add(text.localToScene(new BoundingBox(minX, minY, maxX - minX, maxY - minY)));
        }
        return lines.isEmpty() ? List.of(text.localToScene(text.getBoundsInLocal())) : lines;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    /** A label or button whose text JavaFX cut to "…" because it did not fit. */
    private static boolean elided(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isBlank()) {
            return false;
        }
        Node shown = labeled.lookup(".text");
        if (!(shown instanceof Text text) || text.getParent() == null || !isDescendant(text, labeled)) {
            return false;
        }
        String expected = labeled.isMnemonicParsing() ? full.replaceFirst("_(?=.)", "") : full;
        return !text.getText().equals(expected) && !text.getText().replace("\n", " ").equals(expected);
    }

    private static boolean isDescendant(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Tabs a tab bar could not show, which only its overflow menu reaches. */
    private static void tabHeadersOutOfReach(TabPane tabs, List<Finding> unreachable) {
        Node area = tabs.lookup(".tab-header-area");
        if (area == null) {
            return;
        }
        Bounds bar = area.localToScene(area.getLayoutBounds());
        for (Node header : tabs.lookupAll(".tab")) {
            if (header.getParent() != null && isDescendant(header, area) && header.isVisible()
                    && !contains(bar, header.localToScene(header.getLayoutBounds()))) {
                unreachable.add(new Finding("tab in the overflow menu",
                        header.lookup(".tab-label") instanceof Labeled label ? quote(label.getText()) : where(header)));
            }
        }
    }

    private static List<Finding> overlaps(List<TextBox> texts) {
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Bounds a = texts.get(i).shown();
                Bounds b = texts.get(j).shown();
                double width = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double height = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (width > OVERLAP_TOLERANCE && height > OVERLAP_TOLERANCE) {
                    found.add(new Finding("over each other", quote(texts.get(i).text()) + " (" + texts.get(i).where()
                            + ") and " + quote(texts.get(j).text()) + " (" + texts.get(j).where() + ")"));
                }
            }
        }
        return found;
    }

    /**
     * The keyboard stops that look the same focused as not: each is pictured without the focus
     * (on another stop that does not touch it) and with it. The focus goes back where it was.
     */
    private static List<Finding> invisibleFocus(Scene scene, List<Node> stops, List<Node> toCheck) {
        List<Finding> invisible = new ArrayList<>();
        Node before = scene.getFocusOwner();
        for (Node stop : toCheck) {
            Bounds area = grown(stop.localToScene(stop.getLayoutBounds()), scene);
            if (area.getWidth() < 1 || area.getHeight() < 1) {
                continue;
            }
            Node elsewhere = stops.stream().filter(other -> other != stop
                    && !other.localToScene(other.getLayoutBounds()).intersects(area)).findFirst().orElse(null);
            if (elsewhere == null) {
                continue;
            }
            elsewhere.requestFocus();
            int[] unfocused = pixels(scene, area);
            stop.requestFocus();
            int[] focused = pixels(scene, area);
            if (stop.isFocused() && Arrays.equals(unfocused, focused)) {
                invisible.add(new Finding("focus not shown", where(stop)));
            }
        }
        if (before != null) {
            before.requestFocus();
        }
        return invisible;
    }

    private static Bounds grown(Bounds bounds, Scene scene) {
        double minX = Math.max(0, bounds.getMinX() - FOCUS_MARGIN);
        double minY = Math.max(0, bounds.getMinY() - FOCUS_MARGIN);
        double maxX = Math.min(scene.getWidth(), bounds.getMaxX() + FOCUS_MARGIN);
        double maxY = Math.min(scene.getHeight(), bounds.getMaxY() + FOCUS_MARGIN);
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    private static int[] pixels(Scene scene, Bounds area) {
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setViewport(new Rectangle2D(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight()));
        WritableImage image = root.snapshot(parameters, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = reader.getArgb(x, y);
            }
        }
        return argb;
    }

    /** The nearest name a person can find the node by: its id, else its style class and its owner's. */
    static String where(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && path.length() < 80; n = n.getParent()) {
            if (n.getId() != null) {
                return path.insert(0, "#" + n.getId()).toString();
            }
            if (path.length() == 0 && !n.getStyleClass().isEmpty()) {
                path.append('.').append(String.join(".", n.getStyleClass()));
            }
        }
        return path.length() == 0 ? node.getClass().getSimpleName() : path.toString();
    }

    private static String quote(String text) {
        String line = text.replace('\n', ' ');
        return "'" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "'";
    }
}
