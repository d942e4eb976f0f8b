package org.bitcountlab.ui.app;

import java.util.Locale;

import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;

/**
 * The window's view models without a window, their background work run on the test's thread when
 * it asks ({@link QueuedTaskExecutor#runAll()}), the pretrained model shown and numbers written
 * the English way; {@link #close()} gives the JVM its own way of writing numbers back.
 */
final class HeadlessLab implements AutoCloseable {

    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    final Lab lab = new Lab(tasks);
    final ViewModels viewModels = new ViewModels(lab);
    private final Locale format = Locale.getDefault(Locale.Category.FORMAT);

    HeadlessLab() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        lab.loadPretrained();
        tasks.runAll();
    }

    @Override
    public void close() {
        Locale.setDefault(Locale.Category.FORMAT, format);
    }
}
