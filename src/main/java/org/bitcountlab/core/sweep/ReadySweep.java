package org.bitcountlab.core.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bitcountlab.core.training.TrainingSettings;

/** Sweeps chosen to tell the tutorial's story clearly, ready to run by name. */
public enum ReadySweep {
    /**
     * "Too much overfits, too little is not good", at 200 training strings: hidden 2 errs on about
     * 20% of both training and held-out strings; from hidden 32 the network learns every training
     * string and still errs on 10-15% of the held-out ones; hidden 8 does best on held-out strings.
     */
    HIDDEN_FEW_STRINGS("hidden-few-strings", SweepVariable.HIDDEN_SIZE, List.of(2, 4, 8, 16, 32, 64),
            fewStrings(200)),
    /** The tutorial's 10,000 strings with the fast preset: enough data that size mostly helps. */
    HIDDEN_TUTORIAL_DATA("hidden-tutorial-data", SweepVariable.HIDDEN_SIZE, List.of(1, 2, 4, 8, 16, 24, 32),
            TrainingSettings.fast()),
    /** A network large enough to memorise (hidden 32): more strings close the gap between its two errors. */
    TRAINING_SET_SIZE("train-size", SweepVariable.TRAINING_SET_SIZE, List.of(100, 200, 500, 1_000, 2_000),
            fewStrings(200).withHidden(32).withEpochs(100));

    private final String id;
    private final SweepVariable variable;
    private final List<Integer> values;
    private final TrainingSettings base;

    ReadySweep(String id, SweepVariable variable, List<Integer> values, TrainingSettings base) {
        this.id = id;
        this.variable = variable;
        this.values = values;
        this.base = base;
    }

    /**
     * Few strings in small minibatches and many epochs, so that a large network has the updates it
     * needs to memorise them; a smaller held-out sample keeps the per-epoch scoring cheap.
     */
    private static TrainingSettings fewStrings(int trainSize) {
        // a constant step: the fast preset's shrinking one is tuned for 20 epochs and would stall a 200-epoch run
        return TrainingSettings.fast().withLearningRate(0.01).withLearningRateDecay(1.0).withTrainSize(trainSize)
                .withBatchSize(20).withEpochs(200).withEvalSample(10_000);
    }

    public String id() {
        return id;
    }

    public SweepPlan plan() {
        return new SweepPlan(base, variable, values, SweepPlan.DEFAULT_SEEDS);
    }

    public static ReadySweep fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (ReadySweep sweep : values()) {
            if (sweep.id.equals(wanted)) {
                return sweep;
            }
        }
        throw new IllegalArgumentException("unknown ready sweep '" + id + "'; choose one of " + ids());
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ReadySweep::id).toList());
    }
}
