package org.bitcountlab.ui.state;

import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.TrainedModel;

/**
 * The one place that says which model the window shows, and the analysis of it. Results computed
 * in the background name the model they measured and are accepted only while it is still shown.
 */
public final class CurrentModel {

    private final AtomicLong ids = new AtomicLong();
    private final ReadOnlyObjectWrapper<LabModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<FailureAnalysis> failures = new ReadOnlyObjectWrapper<>(this, "failures");

    public long newId() {
        return ids.incrementAndGet();
    }

    public LabModel create(LabModel.Origin origin, String name, TrainedModel trained) {
        return new LabModel(newId(), origin, name, trained);
    }

    /**
     * Shows a model; an analysis of another model, of other weights or of other silenced units goes
     * with the old one. Newer weights of the model shown (a run's next epoch) keep its silenced units.
     */
    public void show(LabModel next) {
        LabModel shown = model.get();
        set(next != null && shown != null && next.id() == shown.id() && !next.sameModelAs(shown)
                ? next.withSilenced(shown.silenced()) : next);
    }

    /** Silences {@code units} of the model shown (their output held at 0), or lets them speak again. */
    public void silence(SilencedUnits units) {
        LabModel shown = model.get();
        if (shown != null && !shown.silenced().equals(units)) {
            units.checkFits(shown.model().parameters().hidden());
            set(shown.withSilenced(units));
        }
    }

    private void set(LabModel next) {
        FailureAnalysis analysis = failures.get();
        if (analysis != null && !analysis.model().sameModelAs(next)) {
            failures.set(null);
        }
        model.set(next);
    }

    /** True while {@code measured} (its id, its very weights and its silenced units) is what the window shows. */
    public boolean isCurrent(LabModel measured) {
        return measured != null && measured.sameModelAs(model.get());
    }

    /** Records a full-test error for the model it was measured on, if that is still shown. */
    public boolean acceptTestError(LabModel measured, double percent) {
        if (!isCurrent(measured)) {
            return false;
        }
        model.set(model.get().withTestError(percent));
        return true;
    }

    /** Shows an analysis if the model it measured is still shown. */
    public boolean acceptFailures(FailureAnalysis analysis) {
        if (!isCurrent(analysis.model())) {
            return false;
        }
        failures.set(analysis);
        return true;
    }

    public ReadOnlyObjectProperty<LabModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public LabModel get() {
        return model.get();
    }

    public ReadOnlyObjectProperty<FailureAnalysis> failuresProperty() {
        return failures.getReadOnlyProperty();
    }
}
