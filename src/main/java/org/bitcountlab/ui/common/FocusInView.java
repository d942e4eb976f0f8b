package org.bitcountlab.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls the focused control into view. JavaFX moves the keyboard focus into the part of a
 * scroll pane that is scrolled away without showing it; on a small screen, Tab then seemed to lose
 * the focus somewhere below the side panel or a tab's view.
 */
public final class FocusInView {

    private FocusInView() {
    }

    public static void install(Scene scene) {
        scene.focusOwnerProperty().addListener((obs, old, focused) -> {
            if (focused != null) {
                reveal(focused);
            }
        });
    }

    /**
     * Scrolls every scroll pane around {@code node}, innermost first, until the node shows whole;
     * also for a result that appears where the view is scrolled away.
     */
    public static void reveal(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane pane && pane.getContent() != null) {
                scrollTo(pane, node);
            }
        }
    }

    private static void scrollTo(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        Bounds wanted = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        Bounds viewport = pane.getViewportBounds();
        double contentWidth = content.getLayoutBounds().getWidth();
        double contentHeight = content.getLayoutBounds().getHeight();
        double extraX = contentWidth - viewport.getWidth();
        double extraY = contentHeight - viewport.getHeight();
        if (extraY > 0) {
            double top = pane.getVvalue() * extraY;
            if (wanted.getMinY() < top) {
                pane.setVvalue(wanted.getMinY() / extraY);
            } else if (wanted.getMaxY() > top + viewport.getHeight()) {
                pane.setVvalue(Math.min(1, (wanted.getMaxY() - viewport.getHeight()) / extraY));
            }
        }
        if (extraX > 0) {
            double left = pane.getHvalue() * extraX;
            if (wanted.getMinX() < left) {
                pane.setHvalue(wanted.getMinX() / extraX);
            } else if (wanted.getMaxX() > left + viewport.getWidth()) {
                pane.setHvalue(Math.min(1, (wanted.getMaxX() - viewport.getWidth()) / extraX));
            }
        }
    }
}
