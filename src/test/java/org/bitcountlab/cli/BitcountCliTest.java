package org.bitcountlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

        Outcome badBits = run("predict", "--model", "x.zip", "1021");
        assertThat(badBits.exitCode()).isEqualTo(1);
        assertThat(badBits.err()).contains("There is no model file").doesNotContain("\tat ");

        Outcome noCommand = run("frobnicate");
        assertThat(noCommand.exitCode()).isEqualTo(2);
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
