package org.bitcountlab.ui.state;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * Where the count lives in the model shown: a linear read-out of the ones counted so far from the
 * state after each prefix, fitted on held-out strings in the background whenever a model settles.
 */
public final class ModelReadout {

    /** Held-out strings the read-out is fitted (one half) and scored (the other half) on. */
    static final int STRINGS = 2_000;

    private final CurrentModel models;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<CountReadout> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private LabModel fittedOn;

    public ModelReadout(CurrentModel models, TaskExecutor tasks, StatusLine status) {
        this.models = models;
        this.tasks = tasks;
        this.status = status;
        models.modelProperty().addListener((obs, old, now) -> {
            if (fittedOn != null && fittedOn.sameWeightsAs(now)) {
                return;
            }
            readout.set(null);
            fittedOn = null;
            if (now != null && !now.isTraining()) {
                fit(now);
            }
        });
    }

    private void fit(LabModel model) {
        TrainingSettings settings = model.model().settings();
        Message what = new Message("task.readout");
        tasks.submit(what, job -> CountReadout.fit(model.model().parameters(),
                        BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed())
                                .heldOutSample(Math.min(STRINGS, settings.testSize()))),
                fitted -> {
                    if (models.isCurrent(model)) {
                        fittedOn = model;
                        readout.set(fitted);
                    }
                },
                error -> status.showFailure(what, error)); // the views show no read-out
    }

    /**
     * The read-out if it belongs to the model shown right now, else null. Whoever hears of a new
     * model before this object does (the bit editor's trace, say) must not pair the two.
     */
    public CountReadout ofModelShown() {
        LabModel shown = models.get();
        return fittedOn != null && shown != null && fittedOn.sameWeightsAs(shown) ? readout.get() : null;
    }

    /** The read-out of the model shown, or null while it trains or is being fitted. */
    public ReadOnlyObjectProperty<CountReadout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }
}
