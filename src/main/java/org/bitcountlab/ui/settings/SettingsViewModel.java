package org.bitcountlab.ui.settings;

import java.util.List;
import java.util.Optional;

import java.util.ArrayList;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.training.MemoryBudget;
import org.bitcountlab.core.training.Preset;
import org.bitcountlab.core.training.RateSchedule;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentString;

/**
 * The settings panel's state: one text per field, checked as it is typed, each field with its own
 * reason when it is not acceptable; a preset, which reads "custom" once a field differs from it.
 */
public final class SettingsViewModel {

    private static final int LENGTH = CurrentString.LENGTH;
    /** Training on every length trains on strings of 1 to 20 bits. */
    static final int SHORTEST_TRAINED = 1;

    private final NumberField hidden = NumberField.whole("settings.hidden");
    private final NumberField batch = NumberField.whole("settings.batch");
    private final NumberField epochs = NumberField.whole("settings.epochs");
    private final NumberField learningRate = NumberField.decimal("settings.learningRate");
    private final NumberField decay = NumberField.decimal("settings.decay");
    private final NumberField trainSize = NumberField.whole("settings.trainSize");
    private final NumberField seed = NumberField.whole("settings.seed");
    private final BooleanProperty shuffle = new SimpleBooleanProperty(this, "shuffle", true);
    private final BooleanProperty everyLength = new SimpleBooleanProperty(this, "everyLength", false);
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(this, "cell", CellType.LSTM);
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.FAST);
    private final BooleanBinding valid;
    private final ObjectBinding<Message> message;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked", false);
    private final BooleanProperty sweeping = new SimpleBooleanProperty(this, "sweeping", false);
    // what the fields say, or null while one is not acceptable
    private final ReadOnlyObjectWrapper<TrainingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private Preset applying;
    private final MemoryBudget budget = MemoryBudget.ofThisJvm();
    private Preset base = Preset.FAST; // the last preset chosen: what the fields do not show comes from it

    public SettingsViewModel() {
        for (NumberField field : fields()) {
            field.textProperty().addListener((obs, old, now) -> validate());
        }
        shuffle.addListener((obs, old, now) -> validate());
        everyLength.addListener((obs, old, now) -> validate());
        cell.addListener((obs, old, now) -> validate());
        valid = settings.isNotNull();
        message = Bindings.createObjectBinding(this::firstProblemOrScheduleNote, observables());
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                apply(now);
            }
        });
        apply(Preset.FAST);
    }

    public List<NumberField> fields() {
        return List.of(hidden, batch, epochs, learningRate, decay, trainSize, seed);
    }

    private Observable[] observables() {
        List<Observable> all = new ArrayList<>();
        fields().forEach(field -> all.add(field.errorProperty()));
        all.add(settings);
        all.add(sweeping);
        return all.toArray(Observable[]::new);
    }

    /** The first field's problem, in the order they are shown; else what the rate's schedule does to a long run. */
    private Message firstProblemOrScheduleNote() {
        if (sweeping.get()) {
            return new Message("settings.sweeping");
        }
        for (NumberField field : fields()) {
            if (field.errorProperty().get() != null) {
                return field.errorProperty().get();
            }
        }
        TrainingSettings typed = settings.get();
        if (typed == null) {
            return null;
        }
        int lastUsefulEpoch = RateSchedule.lastUsefulEpoch(typed.learningRateDecay());
        if (typed.epochs() <= lastUsefulEpoch) {
            return null;
        }
        return new Message("settings.decay.note", lastUsefulEpoch, typed.epochs(),
                LocaleNumbers.formatDecimal(RateSchedule.decayFor(typed.epochs())));
    }

    private void apply(Preset chosen) {
        applying = chosen;
        base = chosen;
        try {
            TrainingSettings s = chosen.settings();
            hidden.show(s.hidden());
            batch.show(s.batchSize());
            epochs.show(s.epochs());
            learningRate.show(s.learningRate());
            decay.show(s.learningRateDecay());
            trainSize.show(s.trainSize());
            seed.show(s.seed());
            shuffle.set(s.shuffleEachEpoch());
            everyLength.set(s.everyLength());
            cell.set(s.cellType());
        } finally {
            applying = null;
        }
        validate();
    }

    private void validate() {
        if (applying != null) {
            return;
        }
        int strings = 1 << LENGTH;
        Long train = trainSize.check(1, strings - 1);
        Long h = hidden.check(TrainingSettings.MIN_HIDDEN, TrainingSettings.MAX_HIDDEN);
        Long e = epochs.check(TrainingSettings.MIN_EPOCHS, TrainingSettings.MAX_EPOCHS);
        Long b = batch.check(1, train != null ? train : strings - 1);
        Long s = seed.check(Long.MIN_VALUE, Long.MAX_VALUE);
        Double lr = learningRate.checkPositive(TrainingSettings.MAX_LEARNING_RATE);
        Double d = decay.checkPositive(1);
        boolean complete = train != null && h != null && e != null && b != null && s != null && lr != null && d != null;
        TrainingSettings typed = !complete ? null : base.settings().withHidden(h.intValue()).withBatchSize(b.intValue())
                .withEpochs(e.intValue()).withLearningRate(lr).withLearningRateDecay(d).withTrainSize(train.intValue())
                .withSeed(s)
                .withEvalSample(Math.min(base.settings().evalSample(), strings - train.intValue()))
                .withShuffleEachEpoch(shuffle.get()).withCellType(cell.get())
                .withShortestLength(everyLength.get() ? SHORTEST_TRAINED : LENGTH);
        settings.set(typed == null ? null : fitting(typed));
        if (preset.get() != null && !preset.get().settings().equals(typed)) {
            preset.set(null); // the fields no longer say what the preset says
        }
    }

    /** The settings if this JVM can hold the run; else null, and the field to change says why. */
    private TrainingSettings fitting(TrainingSettings typed) {
        Optional<MemoryBudget.Problem> problem = budget.check(typed);
        if (problem.isEmpty()) {
            return typed;
        }
        double needed = MemoryBudget.estimate(typed).totalBytes() / 1e9;
        double available = (budget.heapBytes() + budget.nativeBytes()) / 1e9;
        int largest = problem.get().largestBatchSize();
        if (largest > 0) {
            batch.reject(new Message("validation.memory.batch", needed, available, largest));
        } else {
            hidden.reject(new Message("validation.memory.hidden", needed, available));
        }
        return null;
    }

    /** The settings the fields describe, or null while one of them is not acceptable. */
    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The settings the fields describe, or those of the last preset while a field is not acceptable. */
    public TrainingSettings settingsOrPreset() {
        return settings.get() != null ? settings.get() : base.settings();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /**
     * The fields are locked while {@code busy} holds (a run or a sweep): what they said when it
     * began is what it trains, and a change made meanwhile would look accepted and do nothing.
     */
    public void lockWhile(ObservableBooleanValue busy) {
        locked.bind(busy);
    }

    /** While {@code busy} holds, the fields say that a sweep trains settings of its own, shown with it. */
    public void notInUseWhile(ObservableBooleanValue busy) {
        sweeping.bind(busy);
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public NumberField hidden() {
        return hidden;
    }

    public NumberField batch() {
        return batch;
    }

    public NumberField epochs() {
        return epochs;
    }

    public NumberField learningRate() {
        return learningRate;
    }

    /** What multiplies the learning rate after every epoch; 1 keeps it constant. */
    public NumberField decay() {
        return decay;
    }

    /**
     * The problem of the first field that has one, else a note on the rate's schedule (when it
     * will have shrunk too far to matter before the last epoch), else null: one line of text under
     * the fields, in the room kept for it, so that nothing below it moves.
     */
    public ObjectBinding<Message> messageProperty() {
        return message;
    }

    public NumberField trainSize() {
        return trainSize;
    }

    public NumberField seed() {
        return seed;
    }

    public BooleanProperty shuffleProperty() {
        return shuffle;
    }

    /**
     * Whether runs train on strings of every length from 1 to 20 bits (each minibatch one length,
     * in turn) rather than on 20 bits only.
     */
    public BooleanProperty everyLengthProperty() {
        return everyLength;
    }

    /** LSTM, or the simple RNN a class can compare it with. */
    public ObjectProperty<CellType> cellProperty() {
        return cell;
    }

    /** The preset the fields show, or null once they were edited away from it. */
    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }
}
