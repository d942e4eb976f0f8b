package org.bitcountlab.cli;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.training.MemoryBudget;
import org.bitcountlab.core.model.Initialisation;
import org.bitcountlab.core.model.LossReduction;
import org.bitcountlab.core.training.Preset;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Option;

/** The training settings as command-line options: a preset, then any overrides. */
final class SettingsOptions {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "fast",
            description = "Starting settings: fast (default: batch 50, 20 epochs, lr 0.02 shrinking by 0.8 an epoch),"
                    + " thorough (batch 40, 50 epochs, lr 0.02 shrinking by 0.93: better than the tutorial in seconds),"
                    + " every-length (thorough on strings of 1 to 20 bits, shrinking by 0.9) or tutorial (hidden 24,"
                    + " batch 1000, 600 epochs, lr 0.001, TensorFlow 1.0's initialisation, summed loss).")
    String preset;

    @Option(names = "--hidden", paramLabel = "N", description = "LSTM units, 1..512.")
    Integer hidden;

    @Option(names = "--batch", paramLabel = "N", description = "Strings per minibatch, 1..train size.")
    Integer batch;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set, 1..100000.")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate, 0 < lr <= 1.")
    Double learningRate;

    @Option(names = "--train-size", paramLabel = "N", description = "Training strings; all the others test.")
    Integer trainSize;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the shuffle, the weights and the minibatch order.")
    Long seed;

    @Option(names = "--length", paramLabel = "L", description = "Bits per string, 2..24 (default 20).")
    Integer length;

    @Option(names = "--lengths", paramLabel = "A-B",
            description = "Train on strings of every length from A to B bits (B: 2..24), e.g. 1-20; counts stay 0..B and"
                    + " held-out figures are on strings of B bits. One number: that length only, as --length.")
    String lengths;

    @Option(names = "--eval-sample", paramLabel = "N", description = "Held-out strings scored after each epoch (default 50000).")
    Integer evalSample;

    @Option(names = "--shuffle", negatable = true, description = "Reshuffle the training strings each epoch.")
    Boolean shuffle;

    @Option(names = "--cell", paramLabel = "TYPE", description = "Recurrent layer: lstm (default) or rnn (a simple RNN, tanh).")
    String cell;
    @Option(names = "--lr-decay", paramLabel = "X",
            description = "Multiply the learning rate by X after every epoch, 0 < X <= 1 (1: constant).")
    Double learningRateDecay;

    @Option(names = "--init", paramLabel = "NAME",
            description = "Weight initialisation: xavier (DL4J's), tutorial (TensorFlow 1.0's, as the tutorial ran)"
                    + " or tutorial-output (DL4J's LSTM, the tutorial's output layer).")
    String initialisation;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Cross-entropy over a minibatch: mean (DL4J's default) or sum (the tutorial's).")
    String lossReduction;

    /** "A-B" or "B" as {shortest, longest}. */
    static int[] lengthRange(String text) {
        String trimmed = text.strip();
        String[] parts = trimmed.split("-", -1);
        try {
            if (parts.length == 1) {
                int only = Integer.parseInt(parts[0].strip());
                return new int[] {only, only};
            }
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = trimmed.length() <= 20 ? trimmed : trimmed.substring(0, 20) + "...";
        throw CliFailure.usage("--lengths takes a range such as 1-20 or one length such as 20, got '" + shown + "'");
    }

    TrainingSettings settings() {
        return applyTo(presetSettings());
    }

    /** The preset's settings, before any option is applied. */
    TrainingSettings presetSettings() {
        try {
            return Preset.fromId(preset).settings();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    /** {@code start} with every option given on the command line (except the preset) applied. */
    TrainingSettings applyTo(TrainingSettings start) {
        TrainingSettings s = start;
        if (cell != null) {
            try {
                s = s.withCellType(CellType.fromId(cell));
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(e.getMessage());
            }
        }
        if (length != null && lengths != null) {
            throw CliFailure.usage("Give --length or --lengths, not both");
        }
        if (length != null) {
            s = s.withLength(length);
        }
        if (lengths != null) {
            int[] range = lengthRange(lengths);
            s = s.withLength(range[1]).withShortestLength(range[0]);
        }
        if (hidden != null) {
            s = s.withHidden(hidden);
        }
        if (batch != null) {
            s = s.withBatchSize(batch);
        }
        if (epochs != null) {
            s = s.withEpochs(epochs);
        }
        if (learningRate != null) {
            s = s.withLearningRate(learningRate);
        }
        if (trainSize != null) {
            s = s.withTrainSize(trainSize);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (evalSample != null) {
            s = s.withEvalSample(evalSample);
        } else if (s.length() >= 2 && s.length() <= 24 && s.testSize() > 0) {
            s = s.withEvalSample(Math.min(s.evalSample(), s.testSize())); // short strings have few test strings
        }
        if (shuffle != null) {
            s = s.withShuffleEachEpoch(shuffle);
        }
        if (learningRateDecay != null) {
            s = s.withLearningRateDecay(learningRateDecay);
        }
        try {
            if (initialisation != null) {
                s = s.withInitialisation(Initialisation.fromId(initialisation));
            }
            if (lossReduction != null) {
                s = s.withLossReduction(LossReduction.fromId(lossReduction));
            }
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        var problems = s.problems();
        if (!problems.isEmpty()) {
            throw CliFailure.usage("Invalid settings: " + String.join("; ", problems));
        }
        MemoryBudget.ofThisJvm().check(s).ifPresent(problem -> {
            throw CliFailure.usage("Settings too large for this machine: " + problem.message());
        });
        return s;
    }
}
