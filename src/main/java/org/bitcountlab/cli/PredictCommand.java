package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.core.model.Predictor;
import org.bitcountlab.core.training.TrainedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Print the model's softmax over the counts for one bit string, as the tutorial does.")
final class PredictCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Parameters(paramLabel = "BITS", description = "The string, most significant bit first, e.g. 10011011101001101110.")
    String bits;

    @Override
    public void run() {
        TrainedModel model = modelOption.load();
        int length = model.settings().length();
        int value;
        try {
            value = BitStrings.parse(bits, length);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        Prediction prediction = new Predictor(model.parameters()).predict(value);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Softmax over counts 0.." + length + " for " + BitStrings.format(value, length) + ":");
        StringBuilder row = new StringBuilder("[[");
        for (int k = 0; k <= length; k++) {
            row.append(String.format(Locale.ROOT, " %.8e", prediction.probability(k)));
            if (k % 4 == 3 && k < length) {
                row.append(System.lineSeparator()).append("  ");
            }
        }
        out.println(row.append("]]"));
        out.printf(Locale.ROOT, "predicted count %d (p = %.4f), true count %d%n", prediction.predictedCount(),
                prediction.probability(prediction.predictedCount()), prediction.trueCount());
    }
}
