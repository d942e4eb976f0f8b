package org.bitcountlab.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * An update of a view's content that runs only while the view shows. Asked for while the view is
 * hidden (on a tab not chosen), it runs once, with whatever is latest then, in the first frame in
 * which the view shows: before that frame's layout for a rebuild of nodes, after it for drawing.
 * Views on the other tabs, redrawn or rebuilt whenever a model changes, otherwise took the JavaFX
 * thread and the render thread from the tab in view, and the window stalled.
 */
public final class WhenShown {

    private final Node view;
    private final Runnable update;
    private final boolean beforeLayout;
    private final Runnable updateIfShown = this::updateOnceShown;
    // not the update itself: the scene reaches the view while JavaFX is still attaching its parent
    private final ChangeListener<Scene> joined = (obs, old, scene) -> {
        if (scene != null) {
            waitForAFrameInWhichItShows();
        }
    };
    private Scene waitingOn;
    private boolean waitingForAScene;

    private WhenShown(Node view, Runnable update, boolean beforeLayout) {
        this.view = view;
        this.update = update;
        this.beforeLayout = beforeLayout;
    }

    /** For drawing, which needs the view's final size: a deferred update runs after the layout. */
    public static WhenShown afterLayout(Node view, Runnable update) {
        return new WhenShown(view, update, false);
    }

    /**
     * For rebuilding the view's nodes: a deferred update runs before the frame's styling and layout,
     * so what it adds is drawn styled and laid out in that same frame.
     */
    public static WhenShown beforeLayout(Node view, Runnable update) {
        return new WhenShown(view, update, true);
    }

    /** Runs the update now if the view shows, else once when it does. */
    public void request() {
        if (!showing(view)) {
            waitForAFrameInWhichItShows();
            return;
        }
        stopWaiting();
        update.run();
    }

    /** In a scene, and neither the node nor any of its parents hidden. */
    static boolean showing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks at each frame of the scene, until the update runs; no check while nothing waits.
     * Outside any scene (a view being built), it waits for one first.
     */
    private void waitForAFrameInWhichItShows() {
        Scene scene = view.getScene();
        if (scene == null) {
            stopWaiting();
            view.sceneProperty().addListener(joined);
            waitingForAScene = true;
        } else if (scene != waitingOn) {
            stopWaiting();
            if (beforeLayout) {
                scene.addPreLayoutPulseListener(updateIfShown);
            } else {
                scene.addPostLayoutPulseListener(updateIfShown);
            }
            waitingOn = scene;
        }
    }

    private void updateOnceShown() {
        if (view.getScene() != waitingOn) {
            waitForAFrameInWhichItShows(); // moved: wait on its new scene, or for one
        } else if (showing(view)) {
            stopWaiting();
            update.run();
        }
    }

    private void stopWaiting() {
        if (waitingForAScene) {
            view.sceneProperty().removeListener(joined);
            waitingForAScene = false;
        }
        if (waitingOn != null) {
            if (beforeLayout) {
                waitingOn.removePreLayoutPulseListener(updateIfShown);
            } else {
                waitingOn.removePostLayoutPulseListener(updateIfShown);
            }
            waitingOn = null;
        }
    }
}
