package org.bitcountlab.core.training;

import java.util.Locale;

/** Named starting points for the settings. */
public enum Preset {
    /** Small shuffled minibatches and a larger, decaying step: under 1% error within seconds, and it stays there. */
    FAST(TrainingSettings.fast()),
    /** Fifty epochs with a gentler decay: better than the tutorial's 600 epochs, in seconds. */
    THOROUGH(TrainingSettings.thorough()),
    /**
     * Thorough on strings of every length from 1 to 20 bits, with a faster decay: a network that
     * counts every length, and strings of 20 bits better than Thorough.
     */
    EVERY_LENGTH(TrainingSettings.everyLengthPreset()),
    /** The original tutorial as printed: batch 1000, Adam's default step, 600 epochs, its initialisation and loss. */
    TUTORIAL(TrainingSettings.tutorial());

    private final TrainingSettings settings;

    Preset(TrainingSettings settings) {
        this.settings = settings;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Preset fromId(String id) {
        for (Preset preset : values()) {
            if (preset.id().equalsIgnoreCase(id.trim())) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; choose "
                + String.join(", ", java.util.Arrays.stream(values()).map(Preset::id).toList()));
    }
}
