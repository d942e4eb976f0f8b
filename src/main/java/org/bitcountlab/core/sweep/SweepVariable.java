package org.bitcountlab.core.sweep;

import java.util.Locale;

import org.bitcountlab.core.training.TrainingSettings;

/** The one setting a sweep varies; everything else stays at the base settings. */
public enum SweepVariable {
    HIDDEN_SIZE("hidden", "hidden size"),
    TRAINING_SET_SIZE("train-size", "training strings");

    private final String id;
    private final String label;

    SweepVariable(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public TrainingSettings apply(TrainingSettings base, int value) {
        return switch (this) {
            case HIDDEN_SIZE -> base.withHidden(value);
            case TRAINING_SET_SIZE -> base.withTrainSize(value);
        };
    }

    /** The name used on the command line and in JSON: {@code hidden} or {@code train-size}. */
    public String id() {
        return id;
    }

    /** For an axis or a table header, e.g. "hidden size". */
    public String label() {
        return label;
    }

    public static SweepVariable fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (SweepVariable variable : values()) {
            if (variable.id.equals(wanted)) {
                return variable;
            }
        }
        throw new IllegalArgumentException("unknown sweep variable '" + id + "'; choose hidden or train-size");
    }
}
