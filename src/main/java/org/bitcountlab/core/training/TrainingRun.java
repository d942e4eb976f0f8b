package org.bitcountlab.core.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.dataset.Minibatch;
import org.bitcountlab.core.model.LossReduction;
import org.bitcountlab.core.model.LstmImplementation;
import org.bitcountlab.core.model.NetworkFactory;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.TrainingStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One training run, driven epoch by epoch with an explicit loop of {@link TrainingStep}s so that it can
 * report after every epoch, pause, resume and stop within one minibatch. Call {@link #run()} on a
 * background thread; {@link #pause()}, {@link #resume()} and {@link #cancel()} from any thread.
 */
public final class TrainingRun {

    private static final long SNAPSHOT_INTERVAL_NANOS = 250_000_000L;
    /** Epochs whose mean loss is compared with an untrained network's. */
    static final int DIVERGENCE_WINDOW = 3;
    /**
     * How far above the untrained loss, ln(L + 1), that mean must be. An untrained network scores
     * about ln(L + 1) and a learning one drops below it within an epoch, so a run that stays 10% above it
     * for several epochs is being thrown about by its steps, not learning.
     */
    static final double DIVERGENCE_FACTOR = 1.1;

    private final TrainingSettings settings;
    private final TrainingListener listener;
    private final LstmImplementation implementation;
    private final Object pauseLock = new Object();
    private Consumer<MultiLayerNetwork> networkInspector = network -> { };
    private volatile boolean cancelled;
    private boolean paused; // guarded by pauseLock

    public TrainingRun(TrainingSettings settings, TrainingListener listener) {
        this(settings, listener, LstmImplementation.FUSED);
    }

    /** @throws InvalidSettingsException for settings out of range or too large for this JVM's memory */
    public TrainingRun(TrainingSettings settings, TrainingListener listener, LstmImplementation implementation) {
        MemoryBudget.ofThisJvm().require(settings.validated());
        this.settings = settings;
        this.listener = listener;
        this.implementation = implementation;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (pauseLock) {
            return paused;
        }
    }

    /** Stops the run before its next minibatch; {@link #run()} then returns a CANCELLED result. */
    public void cancel() {
        cancelled = true;
        resume();
    }


    /** For tests: sees (and may alter) the network just before its first minibatch. */
    void inspectNetwork(Consumer<MultiLayerNetwork> inspector) {
        this.networkInspector = inspector;
    }

    /** Trains to the end, a cancel or a divergence; the network's native memory is freed before it returns. */
    public RunResult run() {
        BitStringDataset dataset = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed());
        int[] train = dataset.trainValues();
        int[] heldOut = dataset.heldOutSample(settings.evalSample());
        MultiLayerNetwork network = NetworkFactory.build(settings.cellType(), settings.length(), settings.hidden(),
                settings.learningRate(), settings.seed(), settings.initialisation(), settings.lossReduction(),
                implementation);
        List<Minibatch> minibatches = settings.shuffleEachEpoch() ? null : minibatches(train);
        try (TrainingStep step = TrainingStep.of(network); ScoringWorkspaces workspaces = new ScoringWorkspaces()) {
            return train(network, step, workspaces, train, heldOut, minibatches);
        } finally {
            NetworkFactory.release(network);
        }
    }

    private RunResult train(MultiLayerNetwork network, TrainingStep step, ScoringWorkspaces workspaces, int[] train,
            int[] heldOut, List<Minibatch> minibatches) {
        int[] trainInOrder = train.clone(); // for the training error; `train` is reshuffled in place
        ParameterSnapshot parameters = NetworkFactory.snapshot(network, settings.length());
        networkInspector.accept(network);
        SplittableRandom order = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        List<EpochResult> curve = new ArrayList<>();
        listener.started(settings);

        long trainNanos = 0;
        long lastSnapshot = System.nanoTime();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            if (settings.shuffleEachEpoch()) {
                BitStringDataset.shuffle(train, order);
            }
            if (settings.learningRateDecay() != 1) {
                network.setLearningRate(settings.learningRate() * Math.pow(settings.learningRateDecay(), epoch - 1));
            }
            double lossSum = 0;
            for (int from = 0, batch = 1; from < train.length; from += settings.batchSize(), batch++) {
                if (!awaitPermissionToTrain()) {
                    return new RunResult(settings, RunOutcome.CANCELLED, "Stopped by the user after "
                            + curve.size() + " epochs", curve, parameters, trainNanos / 1e9);
                }
                long start = System.nanoTime();
                int to = Math.min(train.length, from + settings.batchSize());
                // the same minibatches every epoch unless shuffling: encode them once
                Minibatch data = minibatches != null ? minibatches.get(batch - 1)
                        : Minibatch.of(train, from, to, settings.length());
                double loss = step.fit(data);
                long end = System.nanoTime();
                trainNanos += end - start;
                listener.minibatchEnded(epoch, batch, end - start);
                if (!Double.isFinite(loss)) {
                    return new RunResult(settings, RunOutcome.DIVERGED, divergedMessage(loss, epoch, batch),
                            curve, parameters, trainNanos / 1e9);
                }
                // the score is the minibatch's summed or mean loss; the curve shows the mean per string
                lossSum += settings.lossReduction() == LossReduction.SUM ? loss : loss * (to - from);
                if (end - lastSnapshot > SNAPSHOT_INTERVAL_NANOS && to < train.length) {
                    ParameterSnapshot fresh = snapshotOrNull(network);
                    if (fresh == null) {
                        return new RunResult(settings, RunOutcome.DIVERGED, divergedMessage(Double.NaN, epoch, batch),
                                curve, parameters, trainNanos / 1e9);
                    }
                    parameters = fresh;
                    listener.parametersUpdated(parameters);
                    lastSnapshot = end;
                }
            }
            ParameterSnapshot fresh = snapshotOrNull(network);
            if (fresh == null) {
                return new RunResult(settings, RunOutcome.DIVERGED, divergedMessage(Double.NaN, epoch, 0),
                        curve, parameters, trainNanos / 1e9);
            }
            parameters = fresh;
            lastSnapshot = System.nanoTime();
            double heldOutError = Evaluator.evaluate(parameters, heldOut, workspaces).errorPercent();
            double trainingError = Evaluator.evaluate(parameters, trainInOrder, workspaces).errorPercent();
            EpochResult result = new EpochResult(epoch, lossSum / train.length, heldOutError, trainNanos / 1e9,
                    trainingError);
            curve.add(result);
            listener.epochEnded(result, parameters);
            if (stuckAboveUntrainedLoss(curve)) {
                return new RunResult(settings, RunOutcome.DIVERGED, stuckMessage(curve), curve, parameters,
                        trainNanos / 1e9);
            }
        }
        return new RunResult(settings, RunOutcome.COMPLETED, "", curve, parameters, trainNanos / 1e9);
    }

    private List<Minibatch> minibatches(int[] train) {
        List<Minibatch> all = new ArrayList<>();
        for (int from = 0; from < train.length; from += settings.batchSize()) {
            all.add(Minibatch.of(train, from, Math.min(train.length, from + settings.batchSize()), settings.length()));
        }
        return all;
    }

    /** Blocks while paused; false once the run is cancelled. */
    private boolean awaitPermissionToTrain() {
        synchronized (pauseLock) {
            while (paused && !cancelled) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                }
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            cancelled = true;
        }
        return !cancelled;
    }

    private ParameterSnapshot snapshotOrNull(MultiLayerNetwork network) {
        try {
            return NetworkFactory.snapshot(network, settings.length());
        } catch (IllegalArgumentException nonFinite) {
            return null;
        }
    }

    private double untrainedLoss() {
        return Math.log(settings.classes());
    }

    /** Whether the last few epochs (all of them, at the end of a short run) lost more than an untrained network. */
    private boolean stuckAboveUntrainedLoss(List<EpochResult> curve) {
        if (curve.size() < DIVERGENCE_WINDOW && curve.size() < settings.epochs()) {
            return false;
        }
        return recentMeanLoss(curve) > DIVERGENCE_FACTOR * untrainedLoss();
    }

    private static double recentMeanLoss(List<EpochResult> curve) {
        return curve.subList(Math.max(0, curve.size() - DIVERGENCE_WINDOW), curve.size()).stream()
                .mapToDouble(EpochResult::meanLoss).average().orElse(Double.NaN);
    }

    private String stuckMessage(List<EpochResult> curve) {
        return String.format(Locale.ROOT,
                "Training diverged at epoch %d: the mean loss of the last epochs, %.2f, is more than 10%% above the %.2f of an"
                        + " untrained network. The learning rate %s is too large for this network; try %s.",
                curve.size(), recentMeanLoss(curve), untrainedLoss(), settings.learningRate(),
                BigDecimal.valueOf(settings.learningRate() / 10).stripTrailingZeros().toPlainString());
    }

    private String divergedMessage(double loss, int epoch, int batch) {
        String where = batch > 0 ? String.format(Locale.ROOT, "epoch %d, minibatch %d", epoch, batch)
                : String.format(Locale.ROOT, "epoch %d", epoch);
        return String.format(Locale.ROOT,
                "Training diverged at %s: the loss became %s. The learning rate %s is too large for this network; try %s.",
                where, Double.isNaN(loss) ? "NaN" : "infinite", settings.learningRate(),
                BigDecimal.valueOf(settings.learningRate() / 10).stripTrailingZeros().toPlainString());
    }
}
