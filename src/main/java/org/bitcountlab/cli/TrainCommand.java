package org.bitcountlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.LstmImplementation;
import org.bitcountlab.core.model.Nd4jRuntime;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.core.training.ModelFileException;
import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingListener;
import org.bitcountlab.core.training.TrainingRun;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the LSTM headless: one line per epoch (every k epochs for long runs), then a JSON summary.",
                "Ctrl-C stops within a second or two, prints the summary and saves the last finished epoch (with --save)."})
final class TrainCommand implements Runnable {

    /** Exit code of a run stopped by a signal when run in-process; the JVM itself exits with 128 + the signal. */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions options;

    @Option(names = "--full-eval", description = "After training, score every test string (1,038,576 for length 20).")
    boolean fullEval;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save the trained model (settings, curve, weights) to a new or regular file; checked before training.")
    Path save;

    @Option(names = "--every", paramLabel = "K", description = "Print every K-th epoch, K >= 1 (default: about 50 lines per run).")
    Integer every;

    @Option(names = "--lstm", paramLabel = "IMPL", defaultValue = "fused", hidden = true,
            description = "fused (default) or stock: DL4J's built-in LSTM layer, for comparison.")
    LstmImplementation implementation;

    @Override
    public void run() {
        TrainingSettings settings = options.settings();
        if (every != null && every < 1) {
            throw CliFailure.usage("--every must be at least 1, got " + every);
        }
        Path target = saveTarget();
        PrintWriter out = spec.commandLine().getOut();
        EpochLines lines = new EpochLines(out, every != null ? every : Math.max(1, settings.epochs() / 50));

        TrainingRun run = new TrainingRun(settings, lines, implementation);
        int exitCode;
        // registered before the first line, so that a signal at any line finds it; everything, errors
        // included, is printed before the guard lets a signalled JVM exit
        try (InterruptGuard guard = new InterruptGuard(run::cancel, spec.commandLine().getErr())) {
            // ND4J's libraries take seconds to load on a busy machine, and the summary's JSON writer about
            // one: loaded before the header, so that a signal after it is answered at once
            Nd4jRuntime.initialise();
            Json.line(Map.of("settings", settings));
            out.printf(Locale.ROOT, "Training %s, %d epochs of %,d strings (%d minibatches), held-out sample %,d strings%n",
                    settings.label(), settings.epochs(), settings.trainSize(), settings.minibatchesPerEpoch(),
                    settings.evalSample());
            out.printf(Locale.ROOT, "%8s %12s %16s %10s%n", "epoch", "loss", "held-out error", "train s");
            RunResult result = run.run();
            lines.printLast(result.curve());
            boolean interrupted = guard.interrupted() && result.outcome() == RunOutcome.CANCELLED;
            exitCode = report(result, interrupted, target, guard);
        }
        if (exitCode != 0) {
            throw CliFailure.reported(exitCode);
        }
    }

    private Path saveTarget() {
        if (save == null) {
            return null;
        }
        try {
            Path target = ModelFile.checkSaveTarget(save);
            // loads the writer's classes now: after Ctrl-C the save has seconds, on a machine that may be busy
            ModelFile.write(TrainedModel.of(new RunResult(TrainingSettings.fast().withHidden(1), RunOutcome.COMPLETED, "", List.of(),
                    ParameterSnapshot.untrained(20, 1, 0), 0)), OutputStream.nullOutputStream());
            return target;
        } catch (ModelFileException e) {
            throw CliFailure.usage(e.getMessage() + " (--save)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the outcome, saves, prints the summary; returns the exit code. */
    private int report(RunResult result, boolean interrupted, Path target, InterruptGuard guard) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingSettings settings = result.settings();
        if (interrupted) {
            out.printf(Locale.ROOT, "Interrupted (Ctrl-C or a kill signal) after %d epochs%s%n", result.curve().size(),
                    target != null && savable(result) ? "; saving the last finished epoch" : "");
        } else if (result.outcome() != RunOutcome.COMPLETED) {
            out.println(result.reason());
        }
        out.printf(Locale.ROOT, "Trained in %.1f s; held-out error %s%n", result.trainSeconds(),
                result.curve().isEmpty() ? "unknown (no epoch completed)"
                        : String.format(Locale.ROOT, "%.3f%%", result.finalHeldOutError()));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("settings", settings);
        summary.put("outcome", interrupted ? "interrupted" : result.outcome().id());
        summary.put("epochs", result.curve().size());
        summary.put("trainSeconds", Json.round(result.trainSeconds(), 3));
        summary.put("heldOutError", Json.round(result.finalHeldOutError(), 4));
        summary.put("trainingError", Json.round(result.finalTrainingError(), 4));
        TrainedModel model = TrainedModel.of(result);
        if (fullEval && result.outcome() == RunOutcome.COMPLETED) {
            model = fullEvaluation(result, summary, guard, model);
        }
        String saveFailure = null;
        if (target != null) {
            summary.put("savedTo", null);
            String notSaved = whyNotSaved(result, target);
            if (notSaved != null) {
                out.println("Not saved: " + notSaved);
            } else {
                try {
                    Path written = ModelFile.save(model, target);
                    out.println("Saved the model to " + written);
                    summary.put("savedTo", written.toString());
                } catch (ModelFileException e) {
                    saveFailure = e.getMessage();
                }
            }
        }
        out.println(Json.line(summary));
        if (saveFailure != null) {
            err.println(saveFailure);
            return 1;
        }
        if (result.outcome() == RunOutcome.DIVERGED) {
            err.println("Training diverged.");
            return 1;
        }
        if (result.outcome() == RunOutcome.DID_NOT_LEARN) {
            err.println("Training did not learn.");
            return 1;
        }
        return interrupted ? INTERRUPTED : 0;
    }

    /** Whether a result could be saved at all: a finished epoch that is worth keeping. */
    private static boolean savable(RunResult result) {
        return !result.curve().isEmpty() && result.outcome() != RunOutcome.DIVERGED;
    }

    /** Why the result must not be written to {@code target}; null if it may. */
    private static String whyNotSaved(RunResult result, Path target) {
        if (result.curve().isEmpty()) {
            return "no epoch finished, so there are no trained weights to keep.";
        }
        if (result.outcome() == RunOutcome.DIVERGED) {
            return "a diverged run would replace a model with weights that do not count.";
        }
        if (result.outcome() == RunOutcome.DID_NOT_LEARN && Files.exists(target)) {
            return "a run that learned nothing does not replace " + target + ".";
        }
        return null;
    }

    private TrainedModel fullEvaluation(RunResult result, Map<String, Object> summary, InterruptGuard guard,
            TrainedModel model) {
        PrintWriter out = spec.commandLine().getOut();
        TrainingSettings settings = result.settings();
        int[] test = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed()).testValues();
        long start = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = Evaluator.evaluate(result.parameters(), test, fraction -> { }, guard::interrupted);
        } catch (CancellationException e) {
            out.println("Full test set evaluation interrupted");
            return model;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Full test set: %,d strings, %,d wrong, error %.3f%% (evaluated in %.1f s)%n",
                evaluation.strings(), evaluation.errors(), evaluation.errorPercent(), seconds);
        summary.put("testError", Json.round(evaluation.errorPercent(), 4));
        summary.put("testStrings", evaluation.strings());
        return model.withTestError(evaluation.errorPercent());
    }

    /** The epoch table: every k-th epoch, the first and the last, and the one a run stopped at. */
    private static final class EpochLines implements TrainingListener {
        private final PrintWriter out;
        private final int stride;
        private int lastPrinted;

        EpochLines(PrintWriter out, int stride) {
            this.out = out;
            this.stride = stride;
        }

        @Override
        public void started(TrainingSettings settings) {
            lastPrinted = 0;
        }

        @Override
        public void epochEnded(EpochResult r, ParameterSnapshot parameters) {
            if (r.epoch() % stride == 0 || r.epoch() == 1) {
                print(r);
            }
        }

        void printLast(List<EpochResult> curve) {
            if (!curve.isEmpty() && curve.get(curve.size() - 1).epoch() != lastPrinted) {
                print(curve.get(curve.size() - 1));
            }
        }

        private void print(EpochResult r) {
            out.printf(Locale.ROOT, "%8d %12.5f %15.3f%% %10.1f%n", r.epoch(), r.meanLoss(), r.heldOutError(), r.trainSeconds());
            lastPrinted = r.epoch();
        }
    }
}
