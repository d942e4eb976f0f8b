package org.bitcountlab.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.Tips;
import org.bitcountlab.ui.common.ViewScope;

/**
 * Makes the views an FXML file names as its controllers, handing each constructor the view models
 * it asks for and the scope of the window being built.
 */
final class ViewFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Object> available = new HashMap<>();

    ViewFactory(ViewModels viewModels, ViewScope scope) {
        available.putAll(viewModels.byType());
        available.put(ViewScope.class, scope);
        available.put(ViewFactory.class, this);
    }

    /**
     * Loads a view from its FXML, in the current language, with its controller made here; its
     * tooltips follow once the window has begun its first frame ({@link Tips}).
     */
    Parent load(String fxml) {
        FXMLLoader loader = new FXMLLoader(ViewFactory.class.getResource(fxml), Messages.bundle());
        loader.setControllerFactory(this);
        try {
            Parent view = loader.load();
            Tips.afterFirstFrame(view);
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object call(Class<?> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName() + " needs exactly one public constructor");
        }
        Class<?>[] wanted = constructors[0].getParameterTypes();
        Object[] arguments = new Object[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            arguments[i] = available.get(wanted[i]);
            if (arguments[i] == null) {
                throw new IllegalStateException(type.getName() + " asks for an unknown " + wanted[i].getName());
            }
        }
        try {
            return constructors[0].newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not make " + type.getName(), e);
        }
    }
}
