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

    /** The longest string it reads: any length the recurrent layer can run, as ints hold them. */
    private static final int MAX_BITS = 30;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Parameters(paramLabel = "BITS", description = "The string, most significant bit first, e.g. 10011011101001101110;"
            + " 1 to 30 bits, of the model's length or any other (the network reads any number of bits).")
    String bits;

    @Override
    public void run() {
        TrainedModel model = modelOption.load();
        int largest = model.settings().length(); // the largest count it can name
        String digits = bits.replace(" ", "").replace("_", "");
        int length = digits.length();
        if (length < 1 || length > MAX_BITS) {
            throw CliFailure.usage(String.format(Locale.ROOT, "A bit string of 1 to %d bits is needed, got %,d characters",
                    MAX_BITS, length));
        }
        int value;
        try {
            value = BitStrings.parse(bits, length);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        Prediction prediction = new Predictor(model.parameters()).predict(value, length);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Softmax over counts 0.." + largest + " for " + BitStrings.format(value, length) + ":");
        StringBuilder row = new StringBuilder("[[");
        for (int k = 0; k <= largest; k++) {
            row.append(String.format(Locale.ROOT, " %.8e", prediction.probability(k)));
            if (k % 4 == 3 && k < largest) {
                row.append(System.lineSeparator()).append("  ");
            }
        }
        out.println(row.append("]]"));
        out.printf(Locale.ROOT, "predicted count %d (p = %.4f), true count %d%n", prediction.predictedCount(),
                prediction.probability(prediction.predictedCount()), prediction.trueCount());
        if (prediction.trueCount() > largest) {
            out.printf(Locale.ROOT, "(the model names counts up to %d only)%n", largest);
        }
    }
}
