package org.bitcountlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bitcountlab.core.training.PretrainedModel;
import org.bitcountlab.core.training.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitcountCliTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        JsonNode lastLineJson() throws Exception {
            List<String> lines = lines();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitcountCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void trainPrintsEpochsAndEndsWithAJsonSummary() throws Exception {
        Path model = dir.resolve("small.bitcount.zip");
        Outcome outcome = run("train", "--length", "8", "--hidden", "8", "--batch", "20", "--epochs", "3",
                "--train-size", "200", "--lr", "0.02", "--full-eval", "--save", model.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("held-out error", "Full test set: 56 strings");
        JsonNode summary = outcome.lastLineJson();
        assertThat(summary.get("settings").get("hidden").asInt()).isEqualTo(8);
        assertThat(summary.get("epochs").asInt()).isEqualTo(3);
        assertThat(summary.get("testStrings").asInt()).isEqualTo(56);
        assertThat(summary.has("trainSeconds")).isTrue();
        assertThat(summary.has("heldOutError")).isTrue();
        assertThat(Files.exists(model)).isTrue();

        Outcome predicted = run("predict", "--model", model.toString(), "10110011");
        assertThat(predicted.exitCode()).isZero();
        assertThat(predicted.out()).contains("true count 5", "Softmax over counts 0..8");

        Outcome evaluated = run("evaluate", "--model", model.toString());
        assertThat(evaluated.exitCode()).isZero();
        assertThat(evaluated.lastLineJson().get("testStrings").asInt()).isEqualTo(56);
    }

    @Test
    void aModelTrainedOnEveryLengthCountsThemAllAndEvaluateSaysSoLengthByLength() throws Exception {
        Path model = dir.resolve("lengths.bitcount.zip");
        Outcome trained = run("train", "--lengths", "1-10", "--hidden", "16", "--batch", "32", "--epochs", "30",
                "--train-size", "600", "--lr", "0.02", "--lr-decay", "1", "--save", model.toString());

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("len=1-10");
        assertThat(trained.lastLineJson().get("settings").get("shortestLength").asInt()).isEqualTo(1);

        Outcome evaluated = run("evaluate", "--model", model.toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("By length (trained on 1-10 bits; counts 0..10)")
                .containsPattern("(?m)^\\s+3\\s+8\\s+0\\.000%\\s+yes")
                .containsPattern("(?m)^\\s+11\\s+2,047\\s+[0-9.]+%\\s+0\\.05%; says \\d+ for 100% of them");
        JsonNode byLength = evaluated.lastLineJson().get("errorByLength");
        assertThat(byLength).hasSize(30);
        for (int length = 2; length <= 10; length++) {
            assertThat(byLength.get(length - 1).asDouble()).as("length %d", length).isLessThan(5);
        }

        Outcome shorter = run("predict", "--model", model.toString(), "10110");
        assertThat(shorter.exitCode()).as(shorter.err()).isZero();
        assertThat(shorter.out()).contains("Softmax over counts 0..10 for 10110:", "predicted count 3", "true count 3");
        Outcome beyond = run("predict", "--model", model.toString(), "111111111111");
        assertThat(beyond.out()).contains("true count 12", "(the model names counts up to 10 only)");
    }

    @Test
    void lengthRangesThatCannotTrainAreRefusedWithTheirReason() {
        for (String[] bad : new String[][] {{"0-20", "shortest length must be between 1 and 20, got 0"},
                {"21-20", "shortest length must be between 1 and 20, got 21"},
                {"1-25", "length must be between 2 and 24, got 25"},
                {"a-b", "--lengths takes a range such as 1-20 or one length such as 20, got 'a-b'"},
                {"1-2-3", "--lengths takes a range"}}) {
            Outcome outcome = run("train", "--lengths", bad[0]);
            assertThat(outcome.exitCode()).as(bad[0]).isEqualTo(2);
            assertThat(outcome.err()).contains(bad[1]).doesNotContain("\tat ");
        }
        Outcome both = run("train", "--length", "12", "--lengths", "1-12");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("Give --length or --lengths, not both");
        Outcome tooLong = run("predict", "1".repeat(31));
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("A bit string of 1 to 30 bits is needed, got 31 characters");
    }

    @Test
    void evaluateWithoutAModelScoresTheShippedModelAtTheErrorItShipsWith() throws Exception {
        TrainedModel shipped = PretrainedModel.load();
        Outcome outcome = run("evaluate");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode summary = outcome.lastLineJson();
        assertThat(summary.get("testStrings").asLong()).isEqualTo(1_038_576);
        assertThat(shipped.testError()).as("the shipped model records its full-test error").isNotNull();
        assertThat(summary.get("testError").asDouble()).isCloseTo(shipped.testError(), within(1e-4));
        assertThat(summary.get("settings").get("initialisation").asText()).isEqualTo("TUTORIAL");
    }

    @Test
    void badArgumentsGiveUsageAndExitCodeTwoWithoutAStackTrace() {
        Outcome unknown = run("train", "--hiden", "3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option", "Usage:").doesNotContain("Exception", "\tat ");

        Outcome notANumber = run("train", "--hidden", "abc");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("'abc' is not an int").doesNotContain("\tat ");

        Outcome outOfRange = run("train", "--hidden", "0");
        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("hidden size must be between 1 and 512, got 0");

        Outcome badInit = run("train", "--init", "glorot");
        assertThat(badInit.exitCode()).isEqualTo(2);
        assertThat(badInit.err()).contains("unknown initialisation 'glorot'; choose xavier, tutorial or tutorial-output")
                .doesNotContain("\tat ");
        Outcome badLoss = run("train", "--loss", "max");
        assertThat(badLoss.exitCode()).isEqualTo(2);
        assertThat(badLoss.err()).contains("unknown loss reduction 'max'; choose mean or sum");
        Outcome badDecay = run("train", "--lr-decay", "0");
        assertThat(badDecay.exitCode()).isEqualTo(2);
        assertThat(badDecay.err()).contains("learning-rate decay must be greater than 0 and at most 1, got 0.0");

        Outcome badBits = run("predict", "--model", "x.zip", "1021");
        assertThat(badBits.exitCode()).isEqualTo(1);
        assertThat(badBits.err()).contains("There is no model file").doesNotContain("\tat ");

        Outcome noCommand = run("frobnicate");
        assertThat(noCommand.exitCode()).isEqualTo(2);
    }

    @Test
    void sweepPrintsOneJsonLinePerPointWithEachSeedsErrorsAndASummary() throws Exception {
        Outcome outcome = run("sweep", "--length", "8", "--vary", "hidden", "--values", "2,4", "--seeds", "2",
                "--train-size", "60", "--batch", "20", "--epochs", "2", "--eval-sample", "50");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("run 1 of 4", "run 4 of 4");
        List<JsonNode> points = outcome.lines().stream().filter(l -> l.startsWith("{\"hidden\"")).map(BitcountCliTest::json).toList();
        assertThat(points).hasSize(2);
        for (JsonNode point : points) {
            assertThat(point.get("runs")).hasSize(2);
            for (JsonNode seedRun : point.get("runs")) {
                assertThat(seedRun.get("trainingError").isNumber()).isTrue();
                assertThat(seedRun.get("heldOutError").isNumber()).isTrue();
            }
            assertThat(point.get("heldOutError").get("min").asDouble())
                    .isLessThanOrEqualTo(point.get("heldOutError").get("max").asDouble());
        }
        assertThat(outcome.out()).contains("training error % (min-max)");
        JsonNode summary = outcome.lastLineJson();
        assertThat(summary.get("finalFigure").asText()).isEqualTo("median of the last 5 epochs");
        assertThat(summary.get("completed").asBoolean()).isTrue();
        assertThat(summary.get("points")).hasSize(2);
    }

    @Test
    void badSweepsExitWithCodeTwo() {
        assertThat(run("sweep").err()).contains("Name a ready sweep");
        for (String[] args : new String[][] {
                {"sweep"},
                {"sweep", "--vary", "depth", "--values", "1,2"},
                {"sweep", "--ready", "nonsense"},
                {"sweep", "--vary", "hidden", "--values", "0,2"},
                {"sweep", "--vary", "hidden", "--values", "2,4", "--seeds", "0"},
                {"sweep", "--vary", "hidden", "--values", "2", "--hidden", "3"},
                {"train", "--cell", "gru"}}) {
            Outcome outcome = run(args);
            assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(outcome.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void inspectReportsTheReadOutOfThePretrainedModel() throws Exception {
        Outcome outcome = run("inspect", "--strings", "1000");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("R^2 at the last step");
        JsonNode summary = outcome.lastLineJson();
        assertThat(summary.get("rSquaredLastStep").asDouble()).isBetween(0.75, 1.0);
        assertThat(summary.get("rSquaredByStep")).hasSize(20);
        assertThat(summary.get("countingUnits")).hasSize(24);
        assertThat(summary.get("heldOutError").asDouble()).isLessThan(2);

        String everyUnit = String.join(",", java.util.stream.IntStream.range(0, 24).mapToObj(Integer::toString).toList());
        JsonNode silenced = run("inspect", "--strings", "100", "--silence", everyUnit).lastLineJson();
        assertThat(silenced.get("heldOutErrorSilenced").asDouble()).as("the bias-only answer").isGreaterThan(70);
        assertThat(silenced.get("rSquaredLastStep").asDouble()).as("nothing left to read").isLessThan(0.01);

        assertThat(run("inspect", "--silence", "24").exitCode()).isEqualTo(2);
    }

    @Test
    void aSimpleRnnTrainsFromTheCommandLine() throws Exception {
        Outcome outcome = run("train", "--cell", "rnn", "--length", "8", "--hidden", "6", "--batch", "20",
                "--epochs", "2", "--train-size", "100", "--eval-sample", "50");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("Training rnn h=6");
        assertThat(outcome.lastLineJson().get("settings").get("cellType").asText()).isEqualTo("SIMPLE_RNN");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void aCorruptModelFileIsAClearError() throws Exception {
        Path corrupt = dir.resolve("corrupt.zip");
        Files.writeString(corrupt, "this is not a model");
        Outcome outcome = run("evaluate", "--model", corrupt.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("corrupt.zip is not a Bitcount LSTM Lab model").doesNotContain("\tat ");
    }
}
