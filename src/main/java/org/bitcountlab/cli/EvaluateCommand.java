package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a model on its whole test set (every string it did not train on), in total and by true count.",
                "Progress goes to stderr."})
final class EvaluateCommand implements Runnable {

    /** The default model: length 20, hidden 24, 1,038,576 test strings; a few seconds on a laptop. */
    private static final double DEFAULT_COST = Evaluator.cost(24, 1_038_576);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Override
    public void run() {
        TrainedModel model = modelOption.load();
        TrainingSettings settings = model.settings();
        int[] test = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed()).testValues();
        long start = System.nanoTime();
        WorkProgress progress = new WorkProgress(spec.commandLine().getErr(), "Evaluated");
        PrintWriter out = spec.commandLine().getOut();
        Evaluation evaluation;
        try (InterruptGuard guard = new InterruptGuard(() -> { }, spec.commandLine().getErr())) {
            progress.warnIfLong(String.format(Locale.ROOT, "This model (length %d, hidden size %d) has %,d test strings"
                    + " to score", settings.length(), settings.hidden(), test.length),
                    Evaluator.cost(settings.hidden(), test.length) / DEFAULT_COST);
            try {
                evaluation = Evaluator.evaluate(model.parameters(), test, progress, guard::interrupted);
            } catch (CancellationException e) {
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "Interrupted (Ctrl-C or a kill signal) after %.1f s, %.1f%% of the %,d test"
                        + " strings scored; no error is reported for part of them%n", seconds, 100 * progress.fraction(),
                        test.length);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("settings", settings);
                summary.put("outcome", "interrupted");
                summary.put("testError", null);
                summary.put("testStrings", test.length);
                summary.put("evalSeconds", Json.round(seconds, 3));
                out.println(Json.line(summary));
                out.flush();
                throw CliFailure.reported(TrainCommand.INTERRUPTED);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Model %s trained on %,d strings; test set %,d strings%n", settings.label(),
                settings.trainSize(), evaluation.strings());
        out.printf(Locale.ROOT, "%6s %10s %8s %9s%n", "count", "strings", "wrong", "error");
        for (int k = 0; k <= settings.length(); k++) {
            out.printf(Locale.ROOT, "%6d %,10d %,8d %8.3f%%%n", k, evaluation.stringsWithCount(k),
                    evaluation.errorsWithCount(k), evaluation.errorPercentForCount(k));
        }
        out.printf(Locale.ROOT, "Total: %,d wrong of %,d, error %.4f%% (%.2f s, %,.0f strings/s)%n", evaluation.errors(),
                evaluation.strings(), evaluation.errorPercent(), seconds, evaluation.strings() / seconds);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("settings", settings);
        summary.put("outcome", "completed");
        summary.put("testError", Json.round(evaluation.errorPercent(), 4));
        summary.put("testStrings", evaluation.strings());
        summary.put("evalSeconds", Json.round(seconds, 3));
        out.println(Json.line(summary));
    }
}
