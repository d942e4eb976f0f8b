package org.bitcountlab.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Tooltips made from the nodes' accessible help, once the window has begun its first frame. A
 * view gives a control or a chart its help text as {@code accessibleHelp} (in its FXML, or in code
 * where the text changes): a screen reader has it at once, and the tooltip that shows the same
 * text to the pointer, and follows it when it changes, comes a frame later. Each tooltip is a
 * small window of its own: the 23 made before the first frame took about 5% of the JavaFX
 * thread's time before it.
 */
public final class Tips {

    private static final Object INSTALLED = new Object();

    private Tips() {
    }

    /** Gives every node in {@code view} that has accessible help its tooltip, after the first frame. Call on the FX thread. */
    public static void afterFirstFrame(Node view) {
        FirstFrame.then(() -> install(view));
    }

    /** Gives every node in {@code node} that has accessible help, and no tooltip yet, a tooltip showing it. */
    static void install(Node node) {
        String help = node.getAccessibleHelp();
        boolean hasOne = node.getProperties().containsKey(INSTALLED) || node instanceof Control control && control.getTooltip() != null;
        if (help != null && !help.isEmpty() && !hasOne) {
            node.getProperties().put(INSTALLED, Boolean.TRUE);
            Tooltip tooltip = new Tooltip();
            tooltip.textProperty().bind(node.accessibleHelpProperty());
            if (node instanceof Control control) {
                control.setTooltip(tooltip);
            } else {
                Tooltip.install(node, tooltip);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                install(child);
            }
        }
    }
}
