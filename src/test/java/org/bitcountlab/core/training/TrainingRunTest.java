package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.LossReduction;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    /** A quick configuration: 8-bit strings, 200 of them training in minibatches of 20. */
    private static final TrainingSettings SMALL = new TrainingSettings(8, 8, 20, 4, 0.02, 200, 3, 56, true);

    @Test
    void theSameSeedAndSettingsGiveTheSameCurve() {
        List<EpochResult> first = new TrainingRun(SMALL, new TrainingListener() { }).run().curve();
        List<EpochResult> second = new TrainingRun(SMALL, new TrainingListener() { }).run().curve();

        assertThat(first).hasSize(4);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).meanLoss()).isEqualTo(first.get(i).meanLoss());
            assertThat(second.get(i).heldOutError()).isEqualTo(first.get(i).heldOutError());
        }
        List<EpochResult> otherSeed = new TrainingRun(SMALL.withSeed(4), new TrainingListener() { }).run().curve();
        assertThat(otherSeed.get(3).meanLoss()).isNotEqualTo(first.get(3).meanLoss());
    }

    @Test
    void trainingLearnsToCount() {
        TrainingSettings settings = new TrainingSettings(10, 16, 32, 30, 0.02, 600, 1, 424, true);
        RunResult result = new TrainingRun(settings, new TrainingListener() { }).run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.curve().get(0).heldOutError()).isGreaterThan(20);
        assertThat(result.finalHeldOutError()).isLessThan(5);
        assertThat(result.curve()).extracting(EpochResult::trainSeconds).isSorted();
        assertThat(result.curve().get(0).trainingError()).isGreaterThan(20);
        assertThat(result.finalTrainingError()).isLessThan(5);
    }

    @Test
    void trainingOnEveryLengthGivesEachLengthItsTurnAcrossEpochs() {
        TrainingSettings settings = SMALL.withShortestLength(3); // lengths 3..8, 10 minibatches an epoch
        TrainingRun run = new TrainingRun(settings, new TrainingListener() { });
        int[] turns = new int[9];
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int batch = 1; batch <= settings.minibatchesPerEpoch(); batch++) {
                turns[run.stepsOf(epoch, batch)]++;
            }
        }

        assertThat(turns).containsExactly(0, 0, 0, 5, 5, 5, 5, 5, 5);
        assertThat(new TrainingRun(SMALL, new TrainingListener() { }).stepsOf(2, 7)).isEqualTo(8);
    }

    /** The network of one length fails at the others; trained on every length, it counts them all. */
    @Test
    void aNetworkTrainedOnEveryLengthCountsShorterStringsWhereOneLengthFails() {
        TrainingSettings oneLength = new TrainingSettings(10, 16, 32, 30, 0.02, 600, 1, 424, true);
        RunResult one = new TrainingRun(oneLength, new TrainingListener() { }).run();
        RunResult every = new TrainingRun(oneLength.withShortestLength(1), new TrainingListener() { }).run();

        LengthGeneralisation.Result oneLengths = LengthGeneralisation.evaluate(one.parameters(), 1, 10, 1000, 1);
        LengthGeneralisation.Result everyLengths = LengthGeneralisation.evaluate(every.parameters(), 1, 10, 1000, 1);

        assertThat(every.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(every.finalHeldOutError()).as("held-out strings of 10 bits").isLessThan(5);
        for (int length = 2; length <= 10; length++) {
            assertThat(everyLengths.errorAt(length)).as("every length, at %d bits", length).isLessThan(5);
        }
        assertThat(oneLengths.errorAt(10)).isLessThan(5);
        assertThat(oneLengths.errorAt(5)).as("one length, at 5 bits").isGreaterThan(50);
    }

    @Test
    void theTrainingErrorIsTheErrorOnExactlyTheTrainingStrings() {
        List<ParameterSnapshot> weights = new ArrayList<>();
        List<EpochResult> curve = new TrainingRun(SMALL, new TrainingListener() {
            @Override
            public void epochEnded(EpochResult result, ParameterSnapshot parameters) {
                weights.add(parameters);
            }
        }).run().curve();
        int[] train = org.bitcountlab.core.dataset.BitStringDataset.create(8, 200, 3).trainValues();

        for (int i = 0; i < curve.size(); i++) {
            assertThat(curve.get(i).trainingError()).isEqualTo(Evaluator.evaluate(weights.get(i), train).errorPercent());
        }
    }

    @Test
    void aSimpleRnnTrainsThroughTheSameLoop() {
        RunResult result = new TrainingRun(SMALL.withCellType(CellType.SIMPLE_RNN), new TrainingListener() { }).run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.parameters().cellType()).isEqualTo(CellType.SIMPLE_RNN);
        assertThat(result.curve()).hasSize(4);
        assertThat(result.curve().get(0).meanLoss()).isGreaterThan(result.curve().get(3).meanLoss());
    }

    @Test
    void theCurveShowsTheLossPerStringWhetherTheMinibatchLossIsSummedOrAveraged() {
        TrainingSettings mean = SMALL.withEpochs(2).withLossReduction(LossReduction.MEAN);
        EpochResult averaged = new TrainingRun(mean, new TrainingListener() { }).run().curve().get(1);
        EpochResult summed = new TrainingRun(mean.withLossReduction(LossReduction.SUM), new TrainingListener() { })
                .run().curve().get(1);

        // Adam's step hardly depends on the gradient's scale, so both runs stay close
        assertThat(summed.meanLoss()).isCloseTo(averaged.meanLoss(), withinPercentage(2));
    }

    @Test
    void aDecayingRateIsMultipliedByTheDecayOnceAnEpoch() {
        TrainingRun run = new TrainingRun(SMALL.withLearningRateDecay(0.5), new TrainingListener() { });
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork[] network = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork[1];
        run.inspectNetwork(n -> network[0] = n);
        run.run();

        assertThat(network[0].getLearningRate(0)).as("the fourth epoch's rate").isEqualTo(0.02 * 0.125, within(1e-12));
        assertThat(network[0].getLearningRate(1)).isEqualTo(0.02 * 0.125, within(1e-12));
    }

    @Test
    void everyEpochIsReportedWithItsWeights() {
        List<Integer> epochs = new ArrayList<>();
        List<ParameterSnapshot> snapshots = new ArrayList<>();
        new TrainingRun(SMALL, new TrainingListener() {
            @Override
            public void epochEnded(EpochResult result, ParameterSnapshot parameters) {
                epochs.add(result.epoch());
                snapshots.add(parameters);
            }
        }).run();

        assertThat(epochs).containsExactly(1, 2, 3, 4);
        assertThat(snapshots.get(0).toFlat()).isNotEqualTo(snapshots.get(3).toFlat());
    }

    @Test
    void cancelTakesEffectBeforeTheNextMinibatch() {
        AtomicInteger minibatches = new AtomicInteger();
        TrainingRun[] run = new TrainingRun[1];
        run[0] = new TrainingRun(SMALL.withEpochs(1000), new TrainingListener() {
            @Override
            public void minibatchEnded(int epoch, int minibatch, long nanos) {
                if (minibatches.incrementAndGet() == 15) {
                    run[0].cancel();
                }
            }
        });
        RunResult result = run[0].run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(minibatches).hasValue(15);
        assertThat(result.curve()).hasSize(1); // 10 minibatches per epoch: one full epoch, then stopped mid-way
    }

    @Test
    void cancelFromAnotherThreadEndsARunWithinAMinibatch() throws Exception {
        TrainingSettings tutorialSized = TrainingSettings.tutorial().withEpochs(100_000);
        CountDownLatch training = new CountDownLatch(3);
        AtomicInteger after = new AtomicInteger();
        TrainingRun run = new TrainingRun(tutorialSized, new TrainingListener() {
            @Override
            public void minibatchEnded(int epoch, int minibatch, long nanos) {
                training.countDown();
                after.incrementAndGet();
            }
        });
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(run::run);
        assertThat(training.await(60, TimeUnit.SECONDS)).isTrue();
        int atCancel = after.get();
        run.cancel();
        RunResult finished = result.get(10, TimeUnit.SECONDS);

        assertThat(finished.outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(after.get() - atCancel).isLessThanOrEqualTo(1);
    }

    @Test
    void pausedRunsTrainNothingUntilResumed() throws Exception {
        AtomicInteger minibatches = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        TrainingRun run = new TrainingRun(SMALL.withEpochs(50), new TrainingListener() {
            @Override
            public void minibatchEnded(int epoch, int minibatch, long nanos) {
                minibatches.incrementAndGet();
                started.countDown();
            }
        });
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(run::run);
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        run.pause();
        Thread.sleep(300);
        int whilePaused = minibatches.get();
        Thread.sleep(500);
        assertThat(minibatches.get()).isLessThanOrEqualTo(whilePaused + 1);
        assertThat(run.isPaused()).isTrue();

        run.resume();
        RunResult finished = result.get(60, TimeUnit.SECONDS);
        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(minibatches).hasValue(50 * 10);
    }

    @Test
    void aRunWhoseLossStaysAboveAnUntrainedNetworksIsReportedAsDiverged() {
        TrainingRun run = new TrainingRun(SMALL.withEpochs(50).withLearningRate(1e-6), new TrainingListener() { });
        // huge output weights: confidently wrong answers, far worse than guessing, that a tiny step cannot fix
        run.inspectNetwork(network -> network.getParam("1_W").muli(1000));
        RunResult result = run.run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.DIVERGED);
        assertThat(result.curve()).hasSize(TrainingRun.DIVERGENCE_WINDOW);
        assertThat(result.reason()).contains("diverged at epoch 3", "above the 2.20 of an untrained network");
    }

    @Test
    void aRunWhoseStepsAreTooSmallToLearnIsNotCalledDivergedButSaysItLearnedNothing() {
        RunResult result = new TrainingRun(SMALL.withLearningRate(1e-6), new TrainingListener() { }).run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.DID_NOT_LEARN);
        assertThat(result.curve()).hasSize(SMALL.epochs());
        assertThat(result.reason()).contains("did not learn", "train for more epochs");
    }

    @Test
    void aRunThrownAboutByTooLargeAStepEndsSayingItLearnedNothing() {
        TrainingSettings settings = TrainingSettings.fast().withLength(8).withHidden(8).withBatchSize(20)
                .withTrainSize(200).withEvalSample(56).withEpochs(8).withLearningRate(1).withSeed(6);

        RunResult result = new TrainingRun(settings, new TrainingListener() { }).run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.DID_NOT_LEARN);
        assertThat(result.curve()).hasSize(8);
        assertThat(result.reason()).contains("did not learn", "learning rate 1 is too large", "try 0.1");
    }

    @Test
    void theFastPresetOnShortStringsLearnsAndCompletes() {
        TrainingSettings settings = TrainingSettings.fast().withLength(8).withHidden(8).withBatchSize(20)
                .withTrainSize(200).withEvalSample(56).withEpochs(8);

        assertThat(new TrainingRun(settings, new TrainingListener() { }).run().outcome())
                .isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void aRunFreesItsNetworksNativeMemoryWhenItEnds() {
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork[] trained = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork[1];
        TrainingRun run = new TrainingRun(SMALL.withEpochs(1), new TrainingListener() { });
        run.inspectNetwork(network -> trained[0] = network);
        run.run();

        assertThat(trained[0].params().wasClosed()).isTrue();
    }

    @Test
    void aDivergingRunStopsWithAReason() {
        TrainingRun run = new TrainingRun(SMALL, new TrainingListener() { });
        // one NaN weight makes the loss NaN from the first minibatch, as an exploding run would
        run.inspectNetwork(network -> network.getParam("1_W").putScalar(0, Float.NaN));
        RunResult result = run.run();

        assertThat(result.outcome()).isEqualTo(RunOutcome.DIVERGED);
        assertThat(result.reason()).contains("diverged", "epoch 1, minibatch 1", "learning rate 0.02", "try 0.002");
        assertThat(result.curve()).isEmpty();
        for (float weight : result.parameters().toFlat()) {
            assertThat(Float.isFinite(weight)).as("the last good weights are kept").isTrue();
        }
    }
}
