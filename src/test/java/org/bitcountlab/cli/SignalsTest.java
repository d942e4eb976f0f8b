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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill (SIGTERM) at the moments where a stop used to be lost, in a real JVM: before the first
 * epoch, in a long evaluation, through the save, in a sweep, an evaluate and an inspect. Each must
 * end soon with its summary; what train saves must score exactly what it reports.
 */
class SignalsTest {

    private static final int SIGTERM_EXIT = 143;
    /** What a stop may take on a busy test machine; a stop that is not noticed takes the guard's 10 s or more. */
    private static final double STOP_SECONDS = 7;

    @TempDir
    Path dir;

    private record Child(List<String> lines, int exitCode, double secondsAfterSignal) {
        JsonNode summary() throws IOException {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("{")) {
                    return new ObjectMapper().readTree(lines.get(i));
                }
            }
            throw new AssertionError("no JSON summary in " + lines);
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    @Test
    void aStopBeforeTheFirstEpochLeavesAnExistingModelAsItWas() throws Exception {
        Path model = dir.resolve("kept" + ModelFile.EXTENSION);
        ModelFile.save(new TrainedModel(TrainingSettings.fast().withLength(8).withHidden(8).withTrainSize(200)
                .withEvalSample(56), List.of(), 1, null, ParameterSnapshot.untrained(8, 8, 1)), model);
        byte[] before = Files.readAllBytes(model);

        // an epoch of seconds: the signal, sent at the table's header, comes before its end
        Child child = signalled(line -> line.trim().startsWith("epoch"), false, "train", "--length", "16", "--hidden",
                "128", "--batch", "2000", "--train-size", "20000", "--eval-sample", "1000", "--epochs", "3", "--save",
                model.toString());

        assertThat(child.exitCode()).as(child.text()).isEqualTo(SIGTERM_EXIT);
        assertThat(child.secondsAfterSignal()).as(child.text()).isLessThan(STOP_SECONDS);
        assertThat(child.text()).contains("Not saved: no epoch finished");
        JsonNode summary = child.summary();
        assertThat(summary.get("epochs").asInt()).isZero();
        assertThat(summary.get("savedTo").isNull()).isTrue();
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void aStopDuringALongEvaluationEndsTheRunWithItsSummary() throws Exception {
        // two minibatches, then 4,000,000 held-out strings to score: tens of seconds of evaluation
        Child child = signalledAfter(3, "train", "--length", "22", "--hidden", "128", "--batch", "100", "--train-size",
                "200", "--eval-sample", "4000000", "--epochs", "2");

        assertThat(child.exitCode()).as(child.text()).isEqualTo(SIGTERM_EXIT);
        assertThat(child.secondsAfterSignal()).as(child.text()).isLessThan(STOP_SECONDS);
        assertThat(child.summary().get("outcome").asText()).isEqualTo("interrupted");
        assertThat(child.text()).doesNotContain("Could not stop");
    }

    @Test
    void signalsThroughTheSaveLeaveAFileThatScoresWhatTheRunReported() throws Exception {
        for (int epoch : new int[] {1, 4}) {
            Path model = dir.resolve("m" + epoch + ModelFile.EXTENSION);
            Child child = signalled(line -> line.matches("\\s+" + epoch + "\\s+\\d.*"), true, "train", "--length", "10",
                    "--hidden", "8", "--batch", "20", "--train-size", "200", "--epochs", "100000", "--every", "1",
                    "--save", model.toString());

            assertThat(child.exitCode()).as(child.text()).isEqualTo(SIGTERM_EXIT);
            JsonNode summary = child.summary();
            assertThat(summary.get("savedTo").asText()).as(child.text()).isEqualTo(model.toRealPath().toString());
            TrainedModel saved = ModelFile.load(model);
            assertThat(saved.curve()).hasSize(summary.get("epochs").asInt());
            TrainingSettings s = saved.settings();
            int[] heldOut = BitStringDataset.create(s.length(), s.trainSize(), s.seed()).heldOutSample(s.evalSample());
            double rescored = Evaluator.evaluate(saved.parameters(), heldOut).errorPercent();
            assertThat(rescored).as("stopped after epoch %d", epoch)
                    .isEqualTo(saved.curve().get(saved.curve().size() - 1).heldOutError());
            assertThat(Json.round(rescored, 4)).isEqualTo(summary.get("heldOutError").asDouble());
        }
    }

    @Test
    void aSignalledSweepPrintsItsTableAndSummary() throws Exception {
        Child child = signalled(line -> line.startsWith("{\"hidden\":4"), false, "sweep", "--length", "10", "--vary",
                "hidden", "--values", "4,512", "--seeds", "1", "--train-size", "200", "--batch", "200", "--epochs",
                "200");

        assertThat(child.exitCode()).as(child.text()).isEqualTo(SIGTERM_EXIT);
        assertThat(child.secondsAfterSignal()).as(child.text()).isLessThan(STOP_SECONDS);
        assertThat(child.text()).contains("held-out error % (min-max)", "Stopped after 1 of 2 points");
        JsonNode summary = child.summary();
        assertThat(summary.get("completed").asBoolean()).isFalse();
        assertThat(summary.get("points")).hasSize(1);
    }

    @Test
    void aSignalledEvaluateOrInspectStopsWithASummary() throws Exception {
        Path large = dir.resolve("large" + ModelFile.EXTENSION);
        ModelFile.save(new TrainedModel(TrainingSettings.fast().withLength(22).withHidden(64).withTrainSize(1000)
                .withEvalSample(1000), List.of(), 1, null, ParameterSnapshot.untrained(22, 64, 1)), large);
        Path wide = dir.resolve("wide" + ModelFile.EXTENSION);
        ModelFile.save(new TrainedModel(TrainingSettings.fast().withHidden(256).withEvalSample(1000), List.of(), 1,
                null, ParameterSnapshot.untrained(20, 256, 1)), wide);

        // both warn, at their start, that the work is long
        Child evaluate = signalled(line -> line.contains("Ctrl-C stops"), false, "evaluate", "--model", large.toString());
        Child inspect = signalled(line -> line.contains("Ctrl-C stops"), false, "inspect", "--model", wide.toString());

        for (Child child : List.of(evaluate, inspect)) {
            assertThat(child.exitCode()).as(child.text()).isEqualTo(SIGTERM_EXIT);
            assertThat(child.secondsAfterSignal()).as(child.text()).isLessThan(STOP_SECONDS);
            assertThat(child.text()).contains("Interrupted (Ctrl-C or a kill signal)");
            assertThat(child.summary().get("outcome").asText()).isEqualTo("interrupted");
        }
    }

    /** Sends SIGTERM {@code seconds} after the command's first line: the signal then lands wherever the work is. */
    private Child signalledAfter(double seconds, String... args) throws Exception {
        return signalled(line -> true, seconds, false, args);
    }

    private Child signalled(Predicate<String> signalAt, boolean repeat, String... args) throws Exception {
        return signalled(signalAt, 0, repeat, args);
    }

    /**
     * Runs the command and sends SIGTERM once a line of its output (standard output or error) matches;
     * with {@code repeat}, again and again until it exits, so that signals arrive during its save too.
     */
    private Child signalled(Predicate<String> signalAt, double delaySeconds, boolean repeat, String... args)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.bitcountlab.Launcher"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        AtomicLong signalled = new AtomicLong();
        Thread signaller = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (signaller == null && signalAt.test(line)) {
                    signaller = new Thread(() -> {
                        try {
                            Thread.sleep((long) (delaySeconds * 1000));
                        } catch (InterruptedException e) {
                            return;
                        }
                        signalled.set(System.nanoTime());
                        do {
                            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
                        } while (repeat && process.isAlive());
                    });
                    signaller.start();
                }
            }
        } finally {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        long exited = System.nanoTime();
        if (signaller != null) {
            signaller.join();
        }
        assertThat(signalled.get()).as("the signal was sent before the command ended: %s", lines).isPositive();
        return new Child(lines, process.exitValue(), (exited - signalled.get()) / 1e9);
    }
}
