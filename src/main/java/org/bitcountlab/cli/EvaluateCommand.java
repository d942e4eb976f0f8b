package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.LengthGeneralisation;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a model on its whole test set (every string it did not train on), in total and by true"
                + " count; then on strings of every length from 1 to 30 bits (all of a length where there are at most"
                + " 10,000, a random 10,000 where there are more).",
                "Progress goes to stderr."})
final class EvaluateCommand implements Runnable {

    /** The default model: length 20, hidden 24, 1,038,576 test strings; a few seconds on a laptop. */
    private static final double DEFAULT_COST = Evaluator.cost(24, 1_038_576);

    /** Strings scored at each length of the length table. */
    static final int LENGTH_SAMPLES = 10_000;
    static final int LONGEST = 30;

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
        LengthGeneralisation.Result lengths = null;
        try (InterruptGuard guard = new InterruptGuard(() -> { }, spec.commandLine().getErr())) {
            long strings = test.length + LengthGeneralisation.stringsScored(LENGTH_SAMPLES);
            progress.warnIfLong(String.format(Locale.ROOT, "This model (length %d, hidden size %d) has %,d test strings"
                    + " and strings of 30 other lengths to score", settings.length(), settings.hidden(), test.length),
                    Evaluator.cost(settings.hidden(), strings) / DEFAULT_COST);
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
            try {
                lengths = LengthGeneralisation.evaluate(model.parameters(), SilencedUnits.none(), 1, LONGEST,
                        LENGTH_SAMPLES, 1, guard::interrupted);
            } catch (CancellationException e) {
                // the test set is scored: its figures are reported, the table by length is left out
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
        if (lengths != null) {
            printLengths(out, settings, lengths);
        } else {
            out.println("Interrupted (Ctrl-C or a kill signal) while scoring strings of other lengths: no table by length");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("settings", settings);
        summary.put("outcome", lengths != null ? "completed" : "interrupted");
        summary.put("testError", Json.round(evaluation.errorPercent(), 4));
        summary.put("testStrings", evaluation.strings());
        summary.put("evalSeconds", Json.round(seconds, 3));
        List<Double> byLength = null;
        if (lengths != null) {
            byLength = new ArrayList<>();
            for (double error : lengths.errorPercent()) {
                byLength.add(Json.round(error, 3));
            }
        }
        summary.put("errorByLength", byLength);
        out.println(Json.line(summary));
        if (lengths == null) {
            out.flush();
            throw CliFailure.reported(TrainCommand.INTERRUPTED);
        }
    }

    /**
     * The error at every length, marking the lengths it trained on; beyond its largest count, the
     * share of strings with more ones than it can name, and the count it gives them most often.
     */
    private static void printLengths(PrintWriter out, TrainingSettings settings, LengthGeneralisation.Result lengths) {
        int largest = lengths.largestCount();
        out.printf(Locale.ROOT, "By length (trained on %s bits; counts %d..%d): strings it can count, every one where"
                + " there are at most %,d, else a random %,d%n", settings.lengths(), 0, largest, LENGTH_SAMPLES,
                LENGTH_SAMPLES);
        out.printf(Locale.ROOT, "%6s %10s %9s   %-9s %s%n", "length", "strings", "error", "trained",
                "more than " + largest + " ones: share of all strings; the count it gives them most often");
        for (int length = lengths.fromLength(); length <= lengths.toLength(); length++) {
            int i = length - lengths.fromLength();
            boolean trained = length >= settings.shortestLength() && length <= settings.length();
            String beyond = length <= largest ? ""
                    : String.format(Locale.ROOT, "%6.2f%%; says %d for %.0f%% of them", lengths.beyondPercent()[i],
                            lengths.beyondSaid()[i], lengths.beyondSaidPercent()[i]);
            out.printf(Locale.ROOT, "%6d %,10d %8.3f%%   %-9s %s%n", length, lengths.strings()[i], lengths.errorAt(length),
                    trained ? "yes" : "", beyond);
        }
    }
}
