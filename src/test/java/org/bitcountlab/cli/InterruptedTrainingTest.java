package org.bitcountlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bitcountlab.core.training.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill during {@code train} in a real JVM: the signal arrives after the first epoch line, and the
 * run must stop, say why, print its summary, save what it trained and exit with 128 + 15.
 */
class InterruptedTrainingTest {

    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path dir;

    private record Child(List<String> out, String err, int exitCode) {
        JsonNode summary() throws IOException {
            return new ObjectMapper().readTree(out.get(out.size() - 1));
        }
    }

    @Test
    void aKilledRunReportsItselfAsInterruptedAndSavesWhatItTrained() throws Exception {
        Path model = dir.resolve("m" + ModelFile.EXTENSION);

        Child child = trainAndKillAfterFirstEpoch(model, () -> { });

        assertThat(child.exitCode()).as(child.err()).isEqualTo(SIGTERM_EXIT);
        assertThat(child.out()).anyMatch(line -> line.startsWith("Interrupted (Ctrl-C or a kill signal) after"));
        JsonNode summary = child.summary();
        assertThat(summary.get("outcome").asText()).isEqualTo("interrupted");
        assertThat(summary.get("epochs").asInt()).isPositive();
        assertThat(summary.get("savedTo").asText()).isEqualTo(model.toRealPath().toString());
        assertThat(ModelFile.load(model).curve()).hasSize(summary.get("epochs").asInt());
    }

    @Test
    void aSaveThatFailsAfterTrainingStillPrintsTheSummary() throws Exception {
        Path folder = dir.resolve("runs");
        Path model = folder.resolve("m" + ModelFile.EXTENSION);

        // the folder did not exist when the target was checked; a file takes its name during the run
        Child child = trainAndKillAfterFirstEpoch(model, () -> Files.writeString(folder, "in the way"));

        assertThat(child.err()).contains("Cannot save the model").doesNotContain("\tat ");
        JsonNode summary = child.summary();
        assertThat(summary.get("outcome").asText()).isEqualTo("interrupted");
        assertThat(summary.get("savedTo").isNull()).isTrue();
    }

    interface Step {
        void run() throws IOException;
    }

    private Child trainAndKillAfterFirstEpoch(Path model, Step duringRun) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.bitcountlab.Launcher", "train", "--length", "8", "--hidden", "8", "--batch", "20",
                "--train-size", "200", "--epochs", "100000", "--every", "1", "--save", model.toString())
                .redirectError(err.toFile())
                .start();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
                if (line.matches("\\s+1\\s+\\d.*")) {
                    duringRun.run();
                    process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
                    break;
                }
            }
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return new Child(out, Files.readString(err), process.exitValue());
    }
}
