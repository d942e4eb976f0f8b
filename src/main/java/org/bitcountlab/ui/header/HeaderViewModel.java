package org.bitcountlab.ui.header;

import java.nio.file.Path;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.state.CurrentModel;
import org.bitcountlab.ui.state.CurrentRun;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.state.Presentation;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskExecutor;

/** The header: language, opening and saving models, presentation mode. File work runs in the background. */
public final class HeaderViewModel {

    private final Presentation presentation;
    private final CurrentModel models;
    private final CurrentRun run;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language", Messages.language());
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final BooleanBinding canSave;
    private final BooleanBinding canOpen;

    public HeaderViewModel(Presentation presentation, CurrentModel models, CurrentRun run, TaskExecutor tasks,
            StatusLine status) {
        this.presentation = presentation;
        this.models = models;
        this.run = run;
        this.tasks = tasks;
        this.status = status;
        canSave = Bindings.createBooleanBinding(() -> {
            LabModel model = models.get();
            return model != null && (model.origin() == LabModel.Origin.TRAINED || model.origin() == LabModel.Origin.OPENED);
        }, models.modelProperty());
        canOpen = run.runningProperty().not().and(status.busyProperty().not());
    }

    /**
     * Reads a model file in the background and shows it, unless the window has moved on (a run
     * started, another model shown) before it was read. A refused file is explained in a dialog.
     */
    public void open(Path file) {
        if (!canOpen.get()) {
            return;
        }
        LabModel before = models.get();
        String name = file.getFileName().toString();
        status.showBusy("status.opening", name);
        tasks.submit(new Message("task.open", name), job -> ModelFile.load(file),
                opened -> {
                    if (!run.runningProperty().get() && models.get() == before) {
                        run.showOpened(opened, name);
                    } else {
                        status.show("status.openDropped", name);
                    }
                },
                error -> refuse("status.openFailed", error));
    }

    /** Writes the model shown, with its settings and curve, in the background. */
    public void save(Path file) {
        if (!canSave.get()) {
            return;
        }
        LabModel model = models.get();
        String name = file.getFileName().toString();
        status.showBusy("status.saving", name);
        tasks.submit(new Message("task.save", name), job -> {
            ModelFile.save(model.model(), file);
            return file;
        }, saved -> status.show(model.silenced().isEmpty() ? "status.saved" : "status.saved.allUnits", name),
                error -> refuse("status.saveFailed", error));
    }

    private void refuse(String key, Throwable error) {
        String why = FailureLog.reason(error);
        status.show(key, why);
        problem.set(new Message(key, why));
    }

    /** The last file problem worth a dialog; the view shows it and calls {@link #problemShown()}. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void problemShown() {
        problem.set(null);
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public Presentation presentation() {
        return presentation;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }
}
