package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop at every point a run asks for one: between minibatches, between the shards of a step, and
 * between the chunks of the per-epoch evaluations. Wherever it lands, the run ends there and its
 * result is the last finished epoch: those weights, scored again, give exactly the error the result
 * reports, in memory and after a save.
 */
class StopAnywhereTest {

    /**
     * 16-bit strings, so that the 40,000 held-out strings are three chunks of an evaluation, and
     * minibatches of 300, which are three shards of a step.
     */
    private static final TrainingSettings SETTINGS = new TrainingSettings(16, 8, 300, 2, 0.02, 1200, 5, 40_000, true);

    @TempDir
    Path dir;

    /** Stops in steps, spread over the run: a step asks before every timestep of every shard, hundreds of times. */
    private static final int STOPS_IN_STEPS = 30;

    @Test
    void aStopAnywhereEndsTheRunThereAndKeepsTheLastFinishedEpochWithItsFigures() throws Exception {
        List<String> phases = phasesOfAWholeRun();
        int[] heldOut = BitStringDataset.create(SETTINGS.length(), SETTINGS.trainSize(), SETTINGS.seed())
                .heldOutSample(SETTINGS.evalSample());
        TreeSet<String> placesStopped = new TreeSet<>();

        for (int stopAt : stopPoints(phases)) {
            StoppedRun stopped = stopAtPoll(stopAt);
            RunResult result = stopped.result;
            String where = stopped.where.get();
            placesStopped.add(where.replaceAll("\\d+", "N"));

            assertThat(result.outcome()).as(where).isEqualTo(RunOutcome.CANCELLED);
            assertThat(stopped.eventsAfterStop).as("events after a stop %s", where).hasValue(0);
            assertThat(result.curve()).as(where).hasSize(stopped.epochWeights.size());
            if (result.curve().isEmpty()) {
                assertThat(result.trainSeconds()).isZero();
                continue;
            }
            ParameterSnapshot lastEpoch = stopped.epochWeights.get(stopped.epochWeights.size() - 1);
            assertThat(result.parameters().toFlat()).as("the weights of the last finished epoch, stopped %s", where)
                    .containsExactly(lastEpoch.toFlat());
            assertThat(Evaluator.evaluate(result.parameters(), heldOut).errorPercent()).as(where)
                    .isEqualTo(result.finalHeldOutError());
            assertThat(result.trainSeconds()).isEqualTo(result.curve().get(result.curve().size() - 1).trainSeconds());

            Path file = dir.resolve("stopped-" + stopAt + ModelFile.EXTENSION);
            ModelFile.save(TrainedModel.of(result), file);
            TrainedModel saved = ModelFile.load(file);
            assertThat(Evaluator.evaluate(saved.parameters(), heldOut).errorPercent()).as("saved, stopped %s", where)
                    .isEqualTo(saved.curve().get(saved.curve().size() - 1).heldOutError());
        }
        assertThat(placesStopped).contains("in a step of epoch N", "in the evaluation of epoch N");
    }

    /** Where a run is at each of its polls for a stop, in order. */
    private List<String> phasesOfAWholeRun() {
        List<String> phases = new ArrayList<>();
        Phase phase = new Phase();
        TrainingRun run = new TrainingRun(SETTINGS, phase);
        run.onStopPoll(() -> {
            synchronized (phases) {
                phases.add(phase.now.get());
            }
        });
        assertThat(run.run().outcome()).isNotEqualTo(RunOutcome.CANCELLED);
        return phases;
    }

    /** 1-based polls to stop at: every one in an evaluation, and steps' polls spread evenly. */
    private static List<Integer> stopPoints(List<String> phases) {
        long inSteps = phases.stream().filter(p -> p.startsWith("in a step")).count();
        long stride = Math.max(1, inSteps / STOPS_IN_STEPS);
        List<Integer> points = new ArrayList<>();
        int stepPoll = 0;
        for (int i = 0; i < phases.size(); i++) {
            if (!phases.get(i).startsWith("in a step") || stepPoll++ % stride == 0) {
                points.add(i + 1);
            }
        }
        return points;
    }

    /** Where a run is, from its events: training an epoch's steps, or evaluating the epoch. */
    private static class Phase implements TrainingListener {
        final AtomicReference<String> now = new AtomicReference<>("in a step of epoch 1");

        @Override
        public void minibatchEnded(int epoch, int minibatch, long nanos) {
            boolean lastOfEpoch = minibatch == SETTINGS.minibatchesPerEpoch();
            now.set(lastOfEpoch ? "in the evaluation of epoch " + epoch : "in a step of epoch " + epoch);
        }

        @Override
        public void epochEnded(EpochResult result, ParameterSnapshot parameters) {
            now.set("in a step of epoch " + (result.epoch() + 1));
        }
    }

    private static final class StoppedRun {
        final AtomicReference<String> where = new AtomicReference<>("not stopped");
        final AtomicInteger eventsAfterStop = new AtomicInteger();
        final List<ParameterSnapshot> epochWeights = new ArrayList<>();
        RunResult result;
    }

    private StoppedRun stopAtPoll(int stopAt) {
        StoppedRun stopped = new StoppedRun();
        AtomicBoolean stopSent = new AtomicBoolean();
        TrainingRun[] run = new TrainingRun[1];
        Phase phase = new Phase() {
            @Override
            public void minibatchEnded(int epoch, int minibatch, long nanos) {
                afterStop();
                super.minibatchEnded(epoch, minibatch, nanos);
            }

            @Override
            public void epochEnded(EpochResult result, ParameterSnapshot parameters) {
                afterStop();
                stopped.epochWeights.add(parameters);
                super.epochEnded(result, parameters);
            }

            private void afterStop() {
                if (stopSent.get()) {
                    stopped.eventsAfterStop.incrementAndGet();
                }
            }
        };
        run[0] = new TrainingRun(SETTINGS, phase);
        run[0].snapshotInterval(0); // weights from within every epoch go to the listener: none may end in the result
        AtomicInteger polls = new AtomicInteger();
        run[0].onStopPoll(() -> {
            if (polls.incrementAndGet() == stopAt) {
                stopped.where.set(phase.now.get());
                stopSent.set(true);
                run[0].cancel();
            }
        });
        stopped.result = run[0].run();
        return stopped;
    }
}
