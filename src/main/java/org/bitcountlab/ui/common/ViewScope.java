package org.bitcountlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The listeners one window's views put on the longer-lived view models. When the window is rebuilt
 * (a language switch), {@link #dispose()} takes them all off, so no old view stays reachable from
 * a view model. Property bindings need no entry here: JavaFX holds them weakly.
 */
public final class ViewScope {

    private final List<Runnable> removals = new ArrayList<>();

    public <T> void listen(ObservableValue<T> observable, ChangeListener<? super T> listener) {
        observable.addListener(listener);
        removals.add(() -> observable.removeListener(listener));
    }

    /** Like {@link #listen} but also calls the listener once now, with the current value. */
    public <T> void follow(ObservableValue<T> observable, ChangeListener<? super T> listener) {
        listen(observable, listener);
        listener.changed(observable, null, observable.getValue());
    }

    public <E> void listen(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        removals.add(() -> list.removeListener(listener));
    }

    public <E> void listen(ObservableSet<E> set, SetChangeListener<? super E> listener) {
        set.addListener(listener);
        removals.add(() -> set.removeListener(listener));
    }

    public void onDispose(Runnable removal) {
        removals.add(removal);
    }

    public void dispose() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
