package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
        EvaluationProgress progress = new EvaluationProgress(spec.commandLine().getErr(), settings.length(),
                settings.hidden(), test.length);
        Evaluation evaluation = Evaluator.evaluate(model.parameters(), test, progress, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
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
        summary.put("testError", Json.round(evaluation.errorPercent(), 4));
        summary.put("testStrings", evaluation.strings());
        summary.put("evalSeconds", Json.round(seconds, 3));
        out.println(Json.line(summary));
    }
}
