package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.FastMath;
import org.bitcountlab.core.model.LstmImplementation;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.Preset;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingListener;
import org.bitcountlab.core.training.TrainingRun;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Measures the code path users run: a real {@link TrainingRun} on the tutorial's model and data,
 * the {@link Predictor} the bit editor calls, the {@link Evaluator} behind "evaluate the whole
 * test set".
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure training ms per minibatch (tutorial configuration), prediction latency and evaluation"
                + " throughput; or, with --time-to, the training seconds until the held-out error reaches a target."})
final class BenchmarkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Warm-up and timed minibatches together; at about 0.1 s each, more would take hours. */
    private static final int MAX_MINIBATCHES = 100_000;

    @Option(names = "--minibatches", paramLabel = "N", defaultValue = "100",
            description = "Minibatches to time after the warm-up (30..100000; default 100).")
    int minibatches;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
            description = "Minibatches trained before timing starts (0..100000; default 100).")
    int warmup;

    @Option(names = "--time-to", paramLabel = "PERCENT",
            description = "Train until the held-out error is at most PERCENT; report the training seconds and the error"
                    + " on the test strings outside the held-out sample (which took no part in deciding when to stop).")
    Double timeTo;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "fast",
            description = "Settings for --time-to: fast (default) or tutorial.")
    String preset;

    @Option(names = "--lstm", paramLabel = "IMPL", defaultValue = "fused",
            description = "fused (default) or stock: DL4J's built-in LSTM layer, for comparison.")
    LstmImplementation implementation;

    /** Which multiply-add the elementwise loops use here, in a line. */
    static String multiplyAdd() {
        return FastMath.FUSED ? "Multiply-add: fused (the processor's FMA instructions)"
                : "Multiply-add: separate (this JVM uses no FMA instructions: none in the processor, or -XX:-UseFMA)";
    }

    @Override
    public void run() {
        if (timeTo != null) {
            if (!(timeTo >= 0 && timeTo <= 100)) {
                throw CliFailure.usage("--time-to must be a percentage between 0 and 100, got " + timeTo);
            }
            timeToTarget(implementation);
        } else {
            if (minibatches < 30 || warmup < 0 || (long) minibatches + warmup > MAX_MINIBATCHES) {
                throw CliFailure.usage(String.format(Locale.ROOT, "--minibatches must be at least 30 and --warmup at"
                        + " least 0, together at most %,d; got %,d and %,d", MAX_MINIBATCHES, minibatches, warmup));
            }
            speed(implementation);
        }
    }

    private void speed(LstmImplementation implementation) {
        PrintWriter out = spec.commandLine().getOut();
        TrainingSettings settings = TrainingSettings.tutorial();
        int perEpoch = settings.minibatchesPerEpoch();
        settings = settings.withEpochs((warmup + minibatches + perEpoch - 1) / perEpoch + 1);
        out.printf(Locale.ROOT, "Timing %d minibatches of %d after %d warm-up (%s LSTM, tutorial configuration: %s, %d steps)%n",
                minibatches, settings.batchSize(), warmup, implementation.name().toLowerCase(Locale.ROOT),
                settings.label(), settings.length());
        out.println(multiplyAdd());
        List<Long> times = new ArrayList<>();
        AtomicReference<ParameterSnapshot> trained = new AtomicReference<>();
        TrainingRun[] holder = new TrainingRun[1];
        AtomicReference<Optional<HostSteal>> timingStarted = new AtomicReference<>(HostSteal.now());
        AtomicReference<Optional<HostSteal>> timingEnded = new AtomicReference<>(Optional.empty());
        AtomicReference<OptionalLong> allocatedAtStart = new AtomicReference<>(HeapAllocation.now());
        AtomicReference<OptionalLong> allocatedAtEnd = new AtomicReference<>(OptionalLong.empty());
        holder[0] = new TrainingRun(settings, new TrainingListener() {
            int seen;

            @Override
            public void minibatchEnded(int epoch, int minibatch, long nanos) {
                if (++seen > warmup) {
                    times.add(nanos);
                } else if (seen == warmup) {
                    timingStarted.set(HostSteal.now());
                    allocatedAtStart.set(HeapAllocation.now());
                }
                if (times.size() == minibatches) {
                    timingEnded.set(HostSteal.now());
                    allocatedAtEnd.set(HeapAllocation.now());
                    holder[0].cancel();
                }
            }

            @Override
            public void epochEnded(EpochResult result, ParameterSnapshot parameters) {
                trained.set(parameters);
            }
        }, implementation);
        RunResult result = holder[0].run();
        ParameterSnapshot parameters = trained.get() != null ? trained.get() : result.parameters();
        double[] train = toMillis(times);
        if (timingEnded.get().isEmpty()) {
            timingEnded.set(HostSteal.now());
            allocatedAtEnd.set(HeapAllocation.now());
        }
        OptionalDouble steal = HostSteal.percentBetween(timingStarted.get(), timingEnded.get());
        // between the first and the last timed minibatch: the steps, and the epochs' evaluations among them
        OptionalDouble allocated = HeapAllocation.kilobytesPerStep(allocatedAtStart.get(), allocatedAtEnd.get(),
                times.size());

        Predictor predictor = new Predictor(parameters);
        int[] samples = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed()).heldOutSample(2000);
        for (int value : samples) {
            predictor.predict(value);
        }
        double[] predict = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            predictor.predict(samples[i]);
            predict[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(predict);

        int[] test = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed()).testValues();
        Evaluator.evaluate(parameters, test); // warm-up
        double[] evalSeconds = new double[3];
        for (int i = 0; i < evalSeconds.length; i++) {
            long start = System.nanoTime();
            Evaluator.evaluate(parameters, test);
            evalSeconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(evalSeconds);
        double stringsPerSecond = test.length / median(evalSeconds);

        out.printf(Locale.ROOT, "%-44s %12s %12s %12s%n", "measure", "median", "min", "max");
        out.printf(Locale.ROOT, "%-44s %12.2f %12.2f %12.2f%n", "training ms per minibatch of 1000 (" + train.length + ")",
                median(train), train[0], train[train.length - 1]);
        out.printf(Locale.ROOT, "%-44s %12.4f %12.4f %12.4f%n", "prediction ms for one string (" + predict.length + ")",
                median(predict), predict[0], predict[predict.length - 1]);
        out.printf(Locale.ROOT, "%-44s %12.2f %12.2f %12.2f%n", "full test set seconds (" + String.format(Locale.ROOT, "%,d", test.length) + " strings, 3 runs)",
                median(evalSeconds), evalSeconds[0], evalSeconds[evalSeconds.length - 1]);
        out.printf(Locale.ROOT, "%-44s %12.0f%n", "evaluation strings per second", stringsPerSecond);
        if (allocated.isPresent()) {
            out.printf(Locale.ROOT, "%-44s %12.1f%n", "heap KB allocated per minibatch, epochs' scoring in",
                    allocated.getAsDouble());
        }
        printSteal(out, steal, "while the minibatches were timed");

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("lstm", implementation.name().toLowerCase(Locale.ROOT));
        summary.put("multiplyAdd", FastMath.FUSED ? "fused" : "separate");
        summary.put("trainMsPerMinibatch", Json.round(median(train), 3));
        summary.put("trainMsMin", Json.round(train[0], 3));
        summary.put("trainMsMax", Json.round(train[train.length - 1], 3));
        summary.put("minibatchesTimed", train.length);
        summary.put("predictMs", Json.round(median(predict), 4));
        summary.put("evalStringsPerSecond", Math.round(stringsPerSecond));
        summary.put("evalSeconds", Json.round(median(evalSeconds), 3));
        summary.put("heapKBPerMinibatch", allocated.isPresent() ? Json.round(allocated.getAsDouble(), 1) : null);
        summary.put("hostStealPercent", stealPercent(steal));
        out.println(Json.line(summary));
    }

    private void timeToTarget(LstmImplementation implementation) {
        PrintWriter out = spec.commandLine().getOut();
        TrainingSettings settings;
        try {
            settings = Preset.fromId(preset).settings();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        double target = timeTo;
        out.printf(Locale.ROOT, "Training %s preset (%s, up to %d epochs) until the held-out error is <= %.2f%%%n",
                preset, settings.label(), settings.epochs(), target);
        out.println(multiplyAdd());
        out.printf(Locale.ROOT, "%8s %12s %16s %10s%n", "epoch", "loss", "held-out error", "train s");
        AtomicReference<EpochResult> reached = new AtomicReference<>();
        AtomicReference<ParameterSnapshot> atTarget = new AtomicReference<>();
        TrainingRun[] holder = new TrainingRun[1];
        holder[0] = new TrainingRun(settings, new TrainingListener() {
            @Override
            public void epochEnded(EpochResult r, ParameterSnapshot parameters) {
                out.printf(Locale.ROOT, "%8d %12.5f %15.3f%% %10.2f%n", r.epoch(), r.meanLoss(), r.heldOutError(), r.trainSeconds());
                if (r.heldOutError() <= target && reached.get() == null) {
                    reached.set(r);
                    atTarget.set(parameters);
                    holder[0].cancel();
                }
            }
        }, implementation);
        Optional<HostSteal> started = HostSteal.now();
        RunResult result = holder[0].run();
        OptionalDouble steal = HostSteal.percentBetween(started, HostSteal.now());
        printSteal(out, steal, "during the run");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("preset", preset);
        summary.put("lstm", implementation.name().toLowerCase(Locale.ROOT));
        summary.put("multiplyAdd", FastMath.FUSED ? "fused" : "separate");
        summary.put("target", target);
        if (reached.get() == null) {
            out.printf(Locale.ROOT, "Not reached in %d epochs (%.1f s of training); last held-out error %.3f%%%n",
                    result.curve().size(), result.trainSeconds(), result.finalHeldOutError());
            summary.put("secondsToTarget", null);
            summary.put("unseenTestError", null);
        } else {
            EpochResult r = reached.get();
            // the stop was decided on the held-out sample, so the figure comes from the strings outside it
            int[] unseen = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed())
                    .testValuesOutsideSample(settings.evalSample());
            Evaluation evaluation = Evaluator.evaluate(atTarget.get(), unseen);
            out.printf(Locale.ROOT, "Reached %.3f%% held-out error at epoch %d after %.2f s of training%n",
                    r.heldOutError(), r.epoch(), r.trainSeconds());
            out.printf(Locale.ROOT, "Test strings outside the held-out sample (%,d strings): %.4f%% error%n",
                    evaluation.strings(), evaluation.errorPercent());
            summary.put("secondsToTarget", Json.round(r.trainSeconds(), 3));
            summary.put("epochs", r.epoch());
            summary.put("unseenTestError", Json.round(evaluation.errorPercent(), 4));
            summary.put("unseenTestStrings", evaluation.strings());
        }
        summary.put("hostStealPercent", stealPercent(steal));
        out.println(Json.line(summary));
    }

    /** The steal figure for the JSON line: null where it could not be read. */
    private static Double stealPercent(OptionalDouble steal) {
        return steal.isPresent() ? Json.round(steal.getAsDouble(), 1) : null;
    }

    /** On a shared virtual machine, how much of the processors the host gave to others meanwhile. */
    private static void printSteal(PrintWriter out, OptionalDouble steal, String when) {
        if (steal.isPresent()) {
            out.printf(Locale.ROOT, "Processor time the host took for other machines %s: %.1f%%%n", when,
                    steal.getAsDouble());
        }
    }

    private static double[] toMillis(List<Long> nanos) {
        double[] ms = new double[nanos.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = nanos.get(i) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
