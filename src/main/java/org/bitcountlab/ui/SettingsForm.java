package org.bitcountlab.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.bitcountlab.core.training.Preset;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * The settings panel's state: one text per field, validated as it is typed. Each field carries its
 * own error message (empty when valid); {@link #validProperty()} is true when all are.
 */
public final class SettingsForm {

    /** A text field's value and, when it is not acceptable, why. */
    public static final class Field {
        private final String nameKey;
        private final StringProperty text = new SimpleStringProperty(this, "text", "");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

        Field(String nameKey) {
            this.nameKey = nameKey;
        }

        public StringProperty textProperty() {
            return text;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        public String getError() {
            return error.get();
        }

        public boolean isValid() {
            return error.get().isEmpty();
        }

        String name() {
            return Messages.get(nameKey);
        }
    }

    private final int length = 20;
    private final Field hidden = new Field("settings.hidden");
    private final Field batch = new Field("settings.batch");
    private final Field epochs = new Field("settings.epochs");
    private final Field learningRate = new Field("settings.learningRate");
    private final Field seed = new Field("settings.seed");
    private final Field trainSize = new Field("settings.trainSize");
    private final BooleanProperty shuffle = new SimpleBooleanProperty(this, "shuffle", true);
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.FAST);
    private final BooleanBinding valid;
    private int evalSample = TrainingSettings.fast().evalSample();

    public SettingsForm() {
        for (Field field : fields()) {
            field.textProperty().addListener((obs, old, now) -> validate());
        }
        valid = Bindings.createBooleanBinding(
                () -> fields().stream().allMatch(Field::isValid),
                hidden.error, batch.error, epochs.error, learningRate.error, seed.error, trainSize.error);
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                apply(now.settings());
            }
        });
        apply(preset.get().settings());
    }

    public List<Field> fields() {
        return List.of(hidden, batch, epochs, learningRate, seed, trainSize);
    }

    public void apply(TrainingSettings settings) {
        hidden.text.set(Integer.toString(settings.hidden()));
        batch.text.set(Integer.toString(settings.batchSize()));
        epochs.text.set(Integer.toString(settings.epochs()));
        learningRate.text.set(java.math.BigDecimal.valueOf(settings.learningRate()).stripTrailingZeros().toPlainString());
        seed.text.set(Long.toString(settings.seed()));
        trainSize.text.set(Integer.toString(settings.trainSize()));
        shuffle.set(settings.shuffleEachEpoch());
        evalSample = settings.evalSample();
        validate();
    }

    private void validate() {
        int strings = 1 << length;
        Integer train = integer(trainSize, 1, strings - 1);
        integer(hidden, TrainingSettings.MIN_HIDDEN, TrainingSettings.MAX_HIDDEN);
        integer(epochs, TrainingSettings.MIN_EPOCHS, TrainingSettings.MAX_EPOCHS);
        integer(batch, 1, train != null ? train : strings - 1);
        parse(seed, text -> {
            Long.parseLong(text);
            return "";
        }, "validation.integer");
        parse(learningRate, text -> {
            double lr = Double.parseDouble(text);
            return lr > 0 && lr <= TrainingSettings.MAX_LEARNING_RATE ? "" : Messages.get("validation.learningRate");
        }, "validation.number");
    }

    private Integer integer(Field field, int min, int max) {
        String text = clean(field);
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                field.error.set(Messages.get("validation.range", field.name(), format(min), format(max)));
                return null;
            }
            field.error.set("");
            return (int) value;
        } catch (NumberFormatException e) {
            field.error.set(Messages.get("validation.integer"));
            return null;
        }
    }

    /** Digit grouping is allowed: "10,000" and "10_000" mean 10000. */
    private static String clean(Field field) {
        return field.text.get().trim().replace(",", "").replace("_", "");
    }

    private static void parse(Field field, Function<String, String> check, String notANumberKey) {
        try {
            field.error.set(check.apply(field.text.get().trim()));
        } catch (NumberFormatException e) {
            field.error.set(Messages.get(notANumberKey));
        }
    }

    private static String format(long value) {
        return String.format(Locale.getDefault(), "%,d", value);
    }

    /** The settings the fields describe; call only when {@link #isValid()}. */
    public TrainingSettings settings() {
        if (!isValid()) {
            throw new IllegalStateException("The settings are not valid");
        }
        int train = Integer.parseInt(clean(trainSize));
        int testSize = (1 << length) - train;
        return new TrainingSettings(length,
                Integer.parseInt(clean(hidden)),
                Integer.parseInt(clean(batch)),
                Integer.parseInt(clean(epochs)),
                Double.parseDouble(learningRate.text.get().trim()),
                train,
                Long.parseLong(seed.text.get().trim()),
                Math.min(evalSample, testSize),
                shuffle.get()).validated();
    }

    /** The epochs typed, if valid, else the preset's: the span of the chart before a run starts. */
    public int plannedEpochs() {
        return epochs.isValid() ? Integer.parseInt(clean(epochs)) : preset.get().settings().epochs();
    }

    /** The settings if valid, else the current preset's: for captions that need a value regardless. */
    public TrainingSettings settingsOrDefault() {
        return isValid() ? settings() : preset.get().settings();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    public Field hidden() {
        return hidden;
    }

    public Field batch() {
        return batch;
    }

    public Field epochs() {
        return epochs;
    }

    public Field learningRate() {
        return learningRate;
    }

    public Field seed() {
        return seed;
    }

    public Field trainSize() {
        return trainSize;
    }

    public BooleanProperty shuffleProperty() {
        return shuffle;
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }
}
