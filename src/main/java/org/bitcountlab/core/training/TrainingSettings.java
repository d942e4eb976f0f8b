package org.bitcountlab.core.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.Initialisation;
import org.bitcountlab.core.model.LossReduction;

/**
 * Everything that defines a training run. Same settings, same seed: the same curve.
 *
 * @param length           bits per string (the tutorial's 20)
 * @param hidden           LSTM units
 * @param batchSize        strings per minibatch
 * @param epochs           passes over the training set
 * @param learningRate     Adam's step size
 * @param trainSize        how many of the shuffled strings train; all the others test
 * @param seed             shuffles the strings, initialises the weights, orders the minibatches
 * @param evalSample       held-out strings (a fixed sample of the test set) scored after each epoch
 * @param shuffleEachEpoch reorder the training strings every epoch (the tutorial does not)
 * @param cellType         the recurrent layer: the tutorial's LSTM or a simple RNN (absent, as in
 *                         files saved before there was a choice: LSTM)
 * @param initialisation   how the weights are drawn
 * @param lossReduction    mean or sum of the minibatch's cross-entropy
 * @param learningRateDecay multiplies Adam's step size after every epoch (1: constant)
 * @param shortestLength   the shortest strings trained on: each minibatch reads its strings at one
 *                         length from here to {@code length} (their first bits), so the network meets
 *                         every length; equal to {@code length} (the tutorial's way), one length only.
 *                         The counts stay 0..length, and held-out figures are on strings of {@code length}.
 */
public record TrainingSettings(int length, int hidden, int batchSize, int epochs, double learningRate,
        int trainSize, long seed, int evalSample, boolean shuffleEachEpoch, CellType cellType,
        Initialisation initialisation, LossReduction lossReduction, double learningRateDecay, int shortestLength) {

    public static final int MIN_HIDDEN = 1;
    public static final int MAX_HIDDEN = 512;
    public static final int MIN_EPOCHS = 1;
    public static final int MAX_EPOCHS = 100_000;
    public static final double MAX_LEARNING_RATE = 1.0;

    public TrainingSettings {
        if (cellType == null) {
            cellType = CellType.LSTM;
        }
        Objects.requireNonNull(initialisation, "initialisation");
        Objects.requireNonNull(lossReduction, "lossReduction");
    }

    /** Settings that train on strings of {@code length} bits only. */
    public TrainingSettings(int length, int hidden, int batchSize, int epochs, double learningRate, int trainSize,
            long seed, int evalSample, boolean shuffleEachEpoch, CellType cellType, Initialisation initialisation,
            LossReduction lossReduction, double learningRateDecay) {
        this(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample, shuffleEachEpoch, cellType,
                initialisation, lossReduction, learningRateDecay, length);
    }

    /** Settings for an LSTM with DL4J's initialisation, the mean loss and a constant rate. */
    public TrainingSettings(int length, int hidden, int batchSize, int epochs, double learningRate, int trainSize,
            long seed, int evalSample, boolean shuffleEachEpoch) {
        this(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample, shuffleEachEpoch,
                CellType.LSTM, Initialisation.XAVIER, LossReduction.MEAN, 1);
    }

    /**
     * The tutorial's code as printed: hidden 24, batch 1000 in a fixed order, 600 epochs, Adam's
     * default rate, 10,000 training strings, TensorFlow 1.0's initialisation and the summed loss.
     */
    public static TrainingSettings tutorial() {
        return new TrainingSettings(20, 24, 1000, 600, 0.001, 10_000, 1, 50_000, false, CellType.LSTM,
                Initialisation.TUTORIAL, LossReduction.SUM, 1);
    }

    /**
     * The default: the tutorial's network and data, trained with small shuffled minibatches and a
     * large step that shrinks by a fifth every epoch. The large early step makes the error collapse
     * within seconds; the decay keeps it down. At a constant 0.01, Adam's later steps threw the
     * error back up to 9% or 57% for an epoch, which a class reads as "it forgot everything"; a
     * gentler decay (0.9 from 0.02) still let one seed in five jump to 48% at epoch 7.
     */
    public static TrainingSettings fast() {
        return new TrainingSettings(20, 24, 50, 20, 0.02, 10_000, 1, 50_000, true, CellType.LSTM,
                Initialisation.XAVIER, LossReduction.MEAN, 0.8);
    }

    /**
     * Beyond the tutorial in seconds: the Fast preset's network, data and rate with a smaller batch,
     * 50 epochs and a gentler decay (0.93 an epoch), so that the rate stays useful long enough to
     * learn the rare counts too. Seeds 1-5 end at 0.040-0.173% of the test strings wrong (median
     * 0.086%) in about 7 s of training; after first reaching 2%, no epoch rose above 2.5%.
     */
    public static TrainingSettings thorough() {
        return new TrainingSettings(20, 24, 40, 50, 0.02, 10_000, 1, 50_000, true, CellType.LSTM,
                Initialisation.XAVIER, LossReduction.MEAN, 0.93);
    }

    /** Whether it trains on strings of more than one length. */
    public boolean everyLength() {
        return shortestLength != length;
    }

    /** The lengths trained on, e.g. "20" or "1-20". */
    public String lengths() {
        return everyLength() ? shortestLength + "-" + length : Integer.toString(length);
    }

    /**
     * Counting at every length: Thorough's batch, epochs and rate on strings of every length from 1
     * to 20 bits, the rate shrinking by a tenth an epoch. Seeds 1-5 count every length from 1 to 20
     * with at most 0.07% wrong at any length, and end at 0.03-0.13% of the 20-bit test strings wrong
     * (median 0.04%) in about 4 s of training: half a minibatch's steps on average. Thorough's gentler
     * decay (0.93) let two seeds in five jump once to 44% and 72% at epoch 15, when the loss was
     * nearly 0 and Adam's steps grew large.
     */
    public static TrainingSettings everyLengthPreset() {
        return thorough().withLearningRateDecay(0.9).withShortestLength(1);
    }

    public int classes() {
        return length + 1;
    }

    public int testSize() {
        return (1 << length) - trainSize;
    }

    public int minibatchesPerEpoch() {
        return (trainSize + batchSize - 1) / batchSize;
    }

    /** What is wrong with these settings, one message per setting, each naming the allowed range. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (length < BitStrings.MIN_LENGTH || length > BitStrings.MAX_LENGTH) {
            problems.add(rangeMessage("length", BitStrings.MIN_LENGTH, BitStrings.MAX_LENGTH, length));
            return problems; // the other limits depend on the length
        }
        int strings = 1 << length;
        if (shortestLength != length) {
            check(problems, "shortest length", 1, length, shortestLength);
        }
        check(problems, "hidden size", MIN_HIDDEN, MAX_HIDDEN, hidden);
        check(problems, "epochs", MIN_EPOCHS, MAX_EPOCHS, epochs);
        check(problems, "training-set size", 1, strings - 1, trainSize);
        if (trainSize >= 1 && trainSize < strings) {
            check(problems, "batch size", 1, trainSize, batchSize);
            check(problems, "held-out sample", 1, strings - trainSize, evalSample);
        }
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            problems.add(String.format(Locale.ROOT,
                    "learning rate must be greater than 0 and at most %s, got %s", MAX_LEARNING_RATE, learningRate));
        }
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            problems.add(String.format(Locale.ROOT,
                    "learning-rate decay must be greater than 0 and at most 1, got %s", learningRateDecay));
        }
        return problems;
    }

    public TrainingSettings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return this;
    }

    private static void check(List<String> problems, String name, long min, long max, long value) {
        if (value < min || value > max) {
            problems.add(rangeMessage(name, min, max, value));
        }
    }

    static String rangeMessage(String name, long min, long max, long value) {
        return String.format(Locale.ROOT, "%s must be between %,d and %,d, got %,d", name, min, max, value);
    }

    /**
     * The short label used in legends, tables and the command line's first line, e.g. "h=24 b=1000
     * lr=0.001", "h=24 b=50 lr=0.02 decay=0.8" when the rate shrinks, "rnn h=24 ..." for a simple RNN,
     * "... len=1-20" when it trains on every length from 1 to 20.
     */
    public String label() {
        return String.format(Locale.ROOT, "%sh=%d b=%d lr=%s%s", cellType == CellType.LSTM ? "" : cellType.id() + " ",
                hidden, batchSize, stripZeros(learningRate),
                learningRateDecay == 1 ? "" : " decay=" + stripZeros(learningRateDecay))
                + (everyLength() ? " len=" + lengths() : "");
    }

    private static String stripZeros(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public TrainingSettings withHidden(int value) {
        return new TrainingSettings(length, value, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(length, hidden, value, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(length, hidden, batchSize, value, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withLearningRate(double value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, value, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withTrainSize(int value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, value, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, value, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    /** The longest length (and the counts 0..value); one-length settings stay one-length. */
    public TrainingSettings withLength(int value) {
        return new TrainingSettings(value, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay,
                everyLength() ? shortestLength : value);
    }

    /** Trains on every length from {@code value} to {@link #length()} ({@code length} itself: one length). */
    public TrainingSettings withShortestLength(int value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, value);
    }

    public TrainingSettings withEvalSample(int value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, value,
                shuffleEachEpoch, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withShuffleEachEpoch(boolean value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                value, cellType, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withCellType(CellType value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, value, initialisation, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withInitialisation(Initialisation value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, value, lossReduction, learningRateDecay, shortestLength);
    }

    public TrainingSettings withLossReduction(LossReduction value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, value, learningRateDecay, shortestLength);
    }

    public TrainingSettings withLearningRateDecay(double value) {
        return new TrainingSettings(length, hidden, batchSize, epochs, learningRate, trainSize, seed, evalSample,
                shuffleEachEpoch, cellType, initialisation, lossReduction, value, shortestLength);
    }
}
