package org.bitcountlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options a careless or unkind user might pass: each is refused up front, or its run reported truthfully. */
class HostileCliTest {

    private static final String[] SMALL = {"--length", "8", "--hidden", "8", "--batch", "20", "--train-size", "200"};

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
        JsonNode summary() throws Exception {
            List<String> lines = out.lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitcountCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static String[] train(String... more) {
        String[] args = new String[1 + SMALL.length + more.length];
        args[0] = "train";
        System.arraycopy(SMALL, 0, args, 1, SMALL.length);
        System.arraycopy(more, 0, args, 1 + SMALL.length, more.length);
        return args;
    }

    @Test
    void aBadSaveTargetIsRefusedBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        for (String target : new String[] {"", dir.toString(), file.resolve("m.zip").toString()}) {
            Outcome outcome = run(train("--epochs", "1", "--save", target));
            assertThat(outcome.exitCode()).as(target).isEqualTo(2);
            assertThat(outcome.err()).contains("(--save)").doesNotContain("\tat ");
            assertThat(outcome.out()).as("nothing trained").doesNotContain("epoch");
        }
    }

    @Test
    void aDivergedRunSaysSoExitsNonZeroAndKeepsTheModelItWouldHaveReplaced() throws Exception {
        Path model = dir.resolve("good" + ModelFile.EXTENSION);
        ModelFile.save(new TrainedModel(TrainingSettings.fast().withLength(8).withHidden(8).withTrainSize(200)
                .withEvalSample(56), List.of(), 1, null, ParameterSnapshot.untrained(8, 8, 1)), model);
        byte[] before = Files.readAllBytes(model);

        // seed 2 at the largest learning rate stays above an untrained network's loss
        Outcome outcome = run(train("--epochs", "8", "--lr", "1", "--seed", "2", "--save", model.toString()));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.out()).contains("Training diverged at epoch 3", "Not saved");
        assertThat(outcome.out().lines()).anyMatch(line -> line.matches("\\s+3\\s+\\d.*")); // the epoch it stopped at
        JsonNode summary = outcome.summary();
        assertThat(summary.get("outcome").asText()).isEqualTo("diverged");
        assertThat(summary.get("savedTo").isNull()).isTrue();
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void aRunThatLearnedNothingSaysSoExitsNonZeroAndKeepsTheModelItWouldHaveReplaced() throws Exception {
        Path model = dir.resolve("good" + ModelFile.EXTENSION);
        ModelFile.save(new TrainedModel(TrainingSettings.fast().withLength(8).withHidden(8).withTrainSize(200)
                .withEvalSample(56), List.of(), 1, null, ParameterSnapshot.untrained(8, 8, 1)), model);
        byte[] before = Files.readAllBytes(model);
        String[] nothingLearned = {"--epochs", "8", "--lr", "1", "--seed", "6"};

        Outcome outcome = run(train(concat(nothingLearned, "--save", model.toString())));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("Training did not learn.");
        assertThat(outcome.out()).contains("Training did not learn: over its last 3 epochs", "try 0.1", "Not saved");
        JsonNode summary = outcome.summary();
        assertThat(summary.get("outcome").asText()).isEqualTo("did-not-learn");
        assertThat(summary.get("savedTo").isNull()).isTrue();
        assertThat(Files.readAllBytes(model)).isEqualTo(before);

        Path fresh = dir.resolve("fresh" + ModelFile.EXTENSION);
        Outcome toANewFile = run(train(concat(nothingLearned, "--save", fresh.toString())));
        assertThat(toANewFile.exitCode()).isEqualTo(1);
        assertThat(toANewFile.summary().get("savedTo").asText()).as("a new file replaces nothing")
                .isEqualTo(fresh.toRealPath().toString());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void settingsTooLargeForMemoryAreRefusedWithWhatTheyNeed() {
        Outcome outcome = run("train", "--hidden", "512", "--train-size", "1000000", "--batch", "1000000",
                "--eval-sample", "10000");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("needs about", "this Java process can give a run").doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void optionsThatUsedToBeBentAreRefused() {
        assertUsage(run(train("--lstm", "bogus")), "expected one of [FUSED, STOCK]");
        assertUsage(run(train("--every", "0")), "--every must be at least 1, got 0");
        assertUsage(run("benchmark", "--warmup", "2147483647"), "--minibatches must be at least 30");
        assertUsage(run("benchmark", "--warmup", "-1"), "--warmup at least 0");
        assertUsage(run("benchmark", "--time-to", "NaN"), "--time-to must be a percentage");
        assertUsage(run("benchmark", "--time-to", "-5"), "--time-to must be a percentage");
    }

    @Test
    void aLongBadBitStringIsNotEchoedBackWhole() {
        Outcome outcome = run("predict", "2".repeat(100_000));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("A bit string of 1 to 30 bits is needed, got 100,000 characters");
        assertThat(outcome.err().length()).isLessThan(500);
    }

    @Test
    void aFigureThatDoesNotExistIsNullNotZero() {
        assertThat(Json.round(Double.NaN, 4)).isNull();
        assertThat(Json.round(Double.POSITIVE_INFINITY, 4)).isNull();
        Map<String, Object> summary = new java.util.HashMap<>();
        summary.put("heldOutError", Json.round(Double.NaN, 4));
        assertThat(Json.line(summary)).isEqualTo("{\"heldOutError\":null}");
    }

    @Test
    void aUnitBeyondTheLayerIsRefusedAsSuchUpTo2To31() {
        for (String unit : new String[] {"24", "2147483647"}) {
            Outcome outcome = run("inspect", "--strings", "100", "--silence", "3," + unit);
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
            assertThat(outcome.err()).contains("--silence: unit " + unit + " does not exist in a layer of 24 units")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void anOutputThatCannotBeWrittenFailsTheCommandAndSaysSo() {
        PrintWriter full = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true);
        StringWriter err = new StringWriter();

        int code = BitcountCli.run(full, new PrintWriter(err, true), "predict", "10011011101001101110");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Could not write the output");
    }

    @Test
    void theTrainingSetSizeCanBeSweptOnShortStrings() throws Exception {
        Outcome outcome = run("sweep", "--length", "12", "--vary", "train-size", "--values", "100,300", "--seeds", "1",
                "--epochs", "1", "--batch", "20");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode summary = outcome.summary();
        assertThat(summary.get("points")).hasSize(2);
        assertThat(summary.get("base").get("evalSample").asInt()).as("fits beside the largest training set")
                .isEqualTo(4096 - 300);
    }

    @Test
    void aSweepOfThousandsOfValuesIsRefusedInAShortLine() {
        String thousands = String.join(",", java.util.stream.IntStream.rangeClosed(1, 10_000)
                .mapToObj(Integer::toString).toList());
        Outcome tooMany = run("sweep", "--vary", "hidden", "--values", thousands);
        assertUsage(tooMany, "a sweep takes at most 30 values, got 10000");
        assertThat(tooMany.err().length()).isLessThan(200);

        Outcome manyBad = run("sweep", "--vary", "hidden", "--values", "600,601,602,603,604,605,606,607");
        assertUsage(manyBad, "; and 3 more");
        assertThat(manyBad.err().length()).isLessThan(500);
    }

    @Test
    void aScatterIsBoundedUnlessMoreIsAskedForAndAnRnnsHasNoCellState() throws Exception {
        JsonNode lstm = run("inspect", "--strings", "4000", "--scatter", "3").summary().get("scatter");
        assertThat(lstm.get("strings").asInt()).isEqualTo(InspectCommand.DEFAULT_SCATTER_STRINGS);
        assertThat(lstm.get("count")).hasSize(InspectCommand.DEFAULT_SCATTER_STRINGS * 20);
        assertThat(lstm.get("cell")).hasSize(InspectCommand.DEFAULT_SCATTER_STRINGS * 20);
        JsonNode more = run("inspect", "--strings", "4000", "--scatter", "3", "--scatter-strings", "2000").summary()
                .get("scatter");
        assertThat(more.get("count")).hasSize(2000 * 20);
        assertUsage(run("inspect", "--strings", "4000", "--scatter", "3", "--scatter-strings", "2001"),
                "--scatter-strings must be between 1 and 2,000");

        Path rnn = dir.resolve("rnn" + ModelFile.EXTENSION);
        ModelFile.save(new TrainedModel(TrainingSettings.fast().withCellType(CellType.SIMPLE_RNN).withLength(8)
                .withHidden(4).withTrainSize(200).withEvalSample(56), List.of(), 1, null,
                ParameterSnapshot.untrained(CellType.SIMPLE_RNN, 8, 4, 1)), rnn);
        JsonNode scatter = run("inspect", "--model", rnn.toString(), "--strings", "40", "--scatter", "0").summary()
                .get("scatter");
        assertThat(scatter.get("hidden")).hasSize(20 * 8);
        assertThat(scatter.has("cell")).as("a simple RNN has no cell state").isFalse();
    }

    @Test
    void aReadOutTooLargeForTheHeapIsRefusedUpFrontWithWhatFits() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.bitcountlab.Launcher", "inspect", "--strings", "1038576", "--scatter", "0",
                "--scatter-strings", "519288").redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readNBytes(1 << 16); // a read-out that ran would print megabytes
        process.destroyForcibly();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("Too large for this machine: a read-out from 1,038,576 strings with a scatter of"
                + " 519,288 strings needs about", "Use fewer --scatter-strings").doesNotContain("\tat ", "R^2");
    }

    private static void assertUsage(Outcome outcome, String message) {
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).contains(message).doesNotContain("\tat ");
        assertThat(outcome.out()).doesNotContain("epoch");
    }
}
