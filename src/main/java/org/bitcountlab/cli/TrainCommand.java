package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.LstmImplementation;
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
        description = "Train the LSTM headless: one line per epoch (every k epochs for long runs), then a JSON summary.")
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions options;

    @Option(names = "--full-eval", description = "After training, score every test string (1,038,576 for length 20).")
    boolean fullEval;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (settings, curve, weights).")
    Path save;

    @Option(names = "--every", paramLabel = "K", description = "Print every K-th epoch (default: about 50 lines per run).")
    Integer every;

    @Option(names = "--lstm", paramLabel = "IMPL", defaultValue = "fused", hidden = true,
            description = "fused (default) or stock: DL4J's built-in LSTM layer, for comparison.")
    String lstm;

    @Override
    public void run() {
        TrainingSettings settings = options.settings();
        PrintWriter out = spec.commandLine().getOut();
        int stride = every != null ? Math.max(1, every) : Math.max(1, settings.epochs() / 50);
        LstmImplementation implementation = "stock".equalsIgnoreCase(lstm) ? LstmImplementation.STOCK : LstmImplementation.FUSED;

        out.printf(Locale.ROOT, "Training %s, %d epochs of %,d strings (%d minibatches), held-out sample %,d strings%n",
                settings.label(), settings.epochs(), settings.trainSize(), settings.minibatchesPerEpoch(), settings.evalSample());
        out.printf(Locale.ROOT, "%8s %12s %16s %10s%n", "epoch", "loss", "held-out error", "train s");
        TrainingRun run = new TrainingRun(settings, new TrainingListener() {
            @Override
            public void epochEnded(EpochResult r, ParameterSnapshot parameters) {
                if (r.epoch() % stride == 0 || r.epoch() == 1 || r.epoch() == settings.epochs()) {
                    out.printf(Locale.ROOT, "%8d %12.5f %15.3f%% %10.1f%n", r.epoch(), r.meanLoss(), r.heldOutError(), r.trainSeconds());
                }
            }
        }, implementation);
        Runtime.getRuntime().addShutdownHook(new Thread(run::cancel));
        RunResult result = run.run();
        if (result.outcome() != RunOutcome.COMPLETED) {
            out.println(result.reason());
        }
        out.printf(Locale.ROOT, "Trained in %.1f s; held-out error %.3f%%%n", result.trainSeconds(), result.finalHeldOutError());

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("settings", settings);
        summary.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        summary.put("epochs", result.curve().size());
        summary.put("trainSeconds", Json.round(result.trainSeconds(), 3));
        summary.put("heldOutError", Json.round(result.finalHeldOutError(), 4));
        summary.put("trainingError", Json.round(result.finalTrainingError(), 4));
        TrainedModel model = TrainedModel.of(result);
        if (fullEval && result.outcome() != RunOutcome.DIVERGED) {
            int[] test = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed()).testValues();
            long start = System.nanoTime();
            Evaluation evaluation = Evaluator.evaluate(result.parameters(), test);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Full test set: %,d strings, %,d wrong, error %.3f%% (evaluated in %.1f s)%n",
                    evaluation.strings(), evaluation.errors(), evaluation.errorPercent(), seconds);
            summary.put("testError", Json.round(evaluation.errorPercent(), 4));
            summary.put("testStrings", evaluation.strings());
            model = model.withTestError(evaluation.errorPercent());
        }
        if (save != null) {
            try {
                ModelFile.save(model, save);
                out.println("Saved the model to " + save.toAbsolutePath());
            } catch (ModelFileException e) {
                throw CliFailure.failed(e.getMessage());
            }
        }
        out.println(Json.line(summary));
        if (result.outcome() == RunOutcome.DIVERGED) {
            throw CliFailure.failed("Training diverged.");
        }
    }
}
