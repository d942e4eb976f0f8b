package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitcountlab.core.training.PretrainedModel;
import org.junit.jupiter.api.Test;

/**
 * The fused and the separate multiply-add give the same answers within float rounding, from a
 * single tanh to a whole model's softmax: a laptop without FMA, which gets the separate one, counts
 * as this machine does.
 */
class FastMathTest {

    @Test
    void bothMultiplyAddsGiveTanhAndSigmoidWithinAMillionth() {
        for (int i = -200_000; i <= 200_000; i++) {
            float x = i * 5e-5f;
            float fused = FastMath.tanh(x, true);
            float separate = FastMath.tanh(x, false);
            assertThat(separate).as("tanh(%s)", x).isCloseTo(fused, within(1e-6f));
            assertThat((double) separate).as("tanh(%s)", x).isCloseTo(Math.tanh(x), within(2e-6));
            assertThat(FastMath.sigmoid(x, false)).isCloseTo(FastMath.sigmoid(x, true), within(1e-6f));
        }
        assertThat(FastMath.multiplyAdd(1e8f, 1e-8f, -1f, false)).isCloseTo(FastMath.multiplyAdd(1e8f, 1e-8f, -1f, true),
                within(1e-7f));
    }

    /**
     * The pretrained model's softmax for the tutorial's string, predicted by a JVM that computes no
     * fused multiply-add in hardware (-XX:-UseFMA, as on a processor without FMA), is this JVM's.
     */
    @Test
    void aJvmWithoutFmaPredictsAsThisOneDoes() throws Exception {
        Prediction here = new Predictor(PretrainedModel.load().parameters()).predict(0b10011011101001101110);
        List<Double> there = softmaxPrintedBy("-XX:-UseFMA");
        assertThat(there).hasSize(21);
        for (int k = 0; k <= 20; k++) {
            assertThat(there.get(k)).as("count %d", k).isCloseTo(here.probability(k), within(1e-5));
        }
    }

    /** Prints the path this JVM chose, then the pretrained model's softmax for the tutorial's string. */
    static final class ChosenPath {
        public static void main(String[] args) throws Exception {
            System.out.println(FastMath.FUSED ? "fused" : "separate");
            Prediction prediction = new Predictor(PretrainedModel.load().parameters()).predict(0b10011011101001101110);
            for (int k = 0; k <= 20; k++) {
                System.out.printf(java.util.Locale.ROOT, "%.8e%n", prediction.probability(k));
            }
        }
    }

    private static List<Double> softmaxPrintedBy(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChosenPath.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("the path it chose").contains(jvmOptions.length == 0 ? "fused" : "separate");
        List<Double> probabilities = new ArrayList<>();
        Matcher number = Pattern.compile("\\d\\.\\d+e[-+]\\d+").matcher(output);
        while (number.find()) {
            probabilities.add(Double.parseDouble(number.group()));
        }
        return probabilities;
    }
}
