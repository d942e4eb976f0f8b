package org.bitcountlab.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * An update of a view's content that runs only while the view shows. Asked for while the view is
 * hidden (on a tab not chosen), it runs once, with whatever is latest then, after the layout of the
 * first frame in which the view shows. Views on the other tabs, redrawn or rebuilt whenever a model
 * changes, otherwise took the JavaFX thread and the render thread from the tab in view, and the
 * window stalled.
 */
public final class WhenShown {

    private final Node view;
    private final Runnable update;
    private final Runnable updateIfShown = this::updateOnceShown;
    // not the update itself: the scene reaches the view while JavaFX is still attaching its parent
    private final ChangeListener<Scene> joined = (obs, old, scene) -> {
        if (scene != null) {
            waitForAFrameInWhichItShows();
        }
    };
    private Scene waitingOn;
    private boolean waitingForAScene;

    public WhenShown(Node view, Runnable update) {
        this.view = view;
        this.update = update;
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
     * Checks after each layout of the scene, until the update runs; no check while nothing waits.
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
            scene.addPostLayoutPulseListener(updateIfShown);
            waitingOn = scene;
        }
    }

    private void updateOnceShown() {
        if (view.getScene() != waitingOn) {
            stopWaiting();
        } else if (showing(view)) {
            request();
        }
    }

    private void stopWaiting() {
        if (waitingForAScene) {
            view.sceneProperty().removeListener(joined);
            waitingForAScene = false;
        }
        if (waitingOn != null) {
            waitingOn.removePostLayoutPulseListener(updateIfShown);
            waitingOn = null;
        }
    }
}
