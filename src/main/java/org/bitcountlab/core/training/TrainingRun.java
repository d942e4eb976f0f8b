package org.bitcountlab.core.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
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
 * report after every epoch, pause, resume and stop at any moment. Call {@link #run()} on a
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
    private Runnable stopPoll = () -> { };
    private long snapshotIntervalNanos = SNAPSHOT_INTERVAL_NANOS;
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

    /**
     * Stops the run within a fraction of a second, part way through a minibatch or an evaluation if need
     * be; {@link #run()} then returns a CANCELLED result holding the last finished epoch.
     */
    public void cancel() {
        cancelled = true;
        resume();
    }


    /** For tests: sees (and may alter) the network just before its first minibatch. */
    void inspectNetwork(Consumer<MultiLayerNetwork> inspector) {
        this.networkInspector = inspector;
    }

    /** For tests: how often the listener gets weights from within an epoch. */
    void snapshotInterval(long nanos) {
        this.snapshotIntervalNanos = nanos;
    }

    /** For tests: runs on every poll for a stop inside a step or an evaluation, so that a stop can land there. */
    void onStopPoll(Runnable poll) {
        this.stopPoll = poll;
    }

    /**
     * Trains to the end, a cancel or a divergence; the network's native memory is freed before it
     * returns, or, if a stop gave up waiting for DL4J's fit, once that fit ends.
     */
    public RunResult run() {
        BitStringDataset dataset = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed());
        int[] train = dataset.trainValues();
        int[] heldOut = dataset.heldOutSample(settings.evalSample());
        MultiLayerNetwork network = NetworkFactory.build(settings.cellType(), settings.length(), settings.hidden(),
                settings.learningRate(), settings.seed(), settings.initialisation(), settings.lossReduction());
        TrainingStep step;
        try {
            step = TrainingStep.of(network, implementation);
        } catch (RuntimeException | Error e) {
            NetworkFactory.release(network);
            throw e;
        }
        List<Minibatch> minibatches = settings.shuffleEachEpoch() || settings.everyLength() ? null : minibatches(train);
        try (ScoringWorkspaces workspaces = new ScoringWorkspaces()) {
            return train(network, step, workspaces, train, heldOut, minibatches);
        } finally {
            step.whenIdle(() -> NetworkFactory.release(network));
            step.close();
        }
    }

    private RunResult train(MultiLayerNetwork network, TrainingStep step, ScoringWorkspaces workspaces, int[] train,
            int[] heldOut, List<Minibatch> minibatches) {
        int[] trainInOrder = train.clone(); // for the training error; `train` is reshuffled in place
        CountPrior prior = CountPrior.of(train, settings.length());
        // the weights the result holds: those at the end of the last finished epoch, which its curve describes
        ParameterSnapshot finished = NetworkFactory.snapshot(network, settings.length());
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
                    return cancelled(curve, finished);
                }
                long start = System.nanoTime();
                int to = Math.min(train.length, from + settings.batchSize());
                // the same minibatches every epoch unless shuffling or reading other lengths: encode them once
                Minibatch data = minibatches != null ? minibatches.get(batch - 1)
                        : Minibatch.of(train, from, to, settings.length(), stepsOf(epoch, batch));
                double loss;
                try {
                    loss = step.fit(data, this::stopRequested);
                } catch (CancellationException stopped) {
                    return cancelled(curve, finished);
                }
                long end = System.nanoTime();
                trainNanos += end - start;
                listener.minibatchEnded(epoch, batch, end - start);
                if (!Double.isFinite(loss)) {
                    return new RunResult(settings, RunOutcome.DIVERGED, divergedMessage(loss, epoch, batch),
                            curve, finished, trainNanos / 1e9);
                }
                // the score is the minibatch's summed or mean loss; the curve shows the mean per string
                lossSum += settings.lossReduction() == LossReduction.SUM ? loss : loss * (to - from);
                if (end - lastSnapshot >= snapshotIntervalNanos && to < train.length) {
                    ParameterSnapshot live = snapshotOrNull(network);
                    if (live == null) {
                        return new RunResult(settings, RunOutcome.DIVERGED, divergedMessage(Double.NaN, epoch, batch),
                                curve, finished, trainNanos / 1e9);
                    }
                    // only for the live view: these weights are part way through an epoch no figure describes
                    listener.parametersUpdated(live);
                    lastSnapshot = end;
                }
            }
            ParameterSnapshot fresh = snapshotOrNull(network);
            if (fresh == null) {
                return new RunResult(settings, RunOutcome.DIVERGED, divergedMessage(Double.NaN, epoch, 0),
                        curve, finished, trainNanos / 1e9);
            }
            lastSnapshot = System.nanoTime();
            double heldOutError;
            double trainingError;
            try {
                heldOutError = Evaluator.evaluate(fresh, heldOut, workspaces, this::stopRequested).errorPercent();
                trainingError = Evaluator.evaluate(fresh, trainInOrder, workspaces, this::stopRequested).errorPercent();
            } catch (CancellationException stopped) {
                return cancelled(curve, finished); // an epoch without its figures is not finished
            }
            finished = fresh;
            EpochResult result = new EpochResult(epoch, lossSum / train.length, heldOutError, trainNanos / 1e9,
                    trainingError);
            curve.add(result);
            listener.epochEnded(result, finished);
            if (stuckAboveUntrainedLoss(curve)) {
                return new RunResult(settings, RunOutcome.DIVERGED, stuckMessage(curve), curve, finished,
                        trainNanos / 1e9);
            }
        }
        NoLearning noLearning = new NoLearning(prior, settings);
        if (noLearning.test(curve)) {
            return new RunResult(settings, RunOutcome.DID_NOT_LEARN, noLearning.reason(curve), curve, finished,
                    trainNanos / 1e9);
        }
        return new RunResult(settings, RunOutcome.COMPLETED, "", curve, finished, trainNanos / 1e9);
    }

    /** Asked between the shards of a step and the chunks of an evaluation, from any of their threads. */
    private boolean stopRequested() {
        stopPoll.run();
        return cancelled;
    }

    /** The last finished epoch, with the training time its curve point gives: a partial epoch is dropped whole. */
    private RunResult cancelled(List<EpochResult> curve, ParameterSnapshot finished) {
        double seconds = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).trainSeconds();
        return new RunResult(settings, RunOutcome.CANCELLED, "Stopped by the user after " + curve.size() + " epochs",
                curve, finished, seconds);
    }

    /**
     * The length minibatch {@code batch} of {@code epoch} reads its strings at: the full length, or,
     * training on every length, the lengths in turn, continuing from one epoch to the next so that
     * each length gets its share whatever the number of minibatches.
     */
    int stepsOf(int epoch, int batch) {
        if (!settings.everyLength()) {
            return settings.length();
        }
        int span = settings.length() - settings.shortestLength() + 1;
        long turn = (long) (epoch - 1) * settings.minibatchesPerEpoch() + batch - 1;
        return settings.shortestLength() + (int) (turn % span);
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
