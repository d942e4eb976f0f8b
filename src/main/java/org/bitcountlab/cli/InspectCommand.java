package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.inspect.UnitCount;
import org.bitcountlab.core.inspect.UnitScatter;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.Evaluator;
import org.bitcountlab.core.training.MemoryBudget;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Where the counter lives: fit a linear read-out of the running count from the state after"
                + " each prefix of held-out strings and report how well it reads (R^2 per step) and which units"
                + " carry the count. With --silence, also the held-out error with those units forced to 0.",
                "Ends with a JSON line."})
final class InspectCommand implements Runnable {

    private static final int SHOWN_UNITS = 5;
    /** Scored strings a scatter shows unless more are asked for: 10,000 points for 20-bit strings. */
    static final int DEFAULT_SCATTER_STRINGS = 500;
    /** The default read-out: 4,000 strings of 20 bits, hidden 24; about a second. */
    private static final double DEFAULT_READOUT_COST = readoutCost(24, 20, 4000);

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--strings", paramLabel = "N", defaultValue = "4000",
            description = "Held-out strings for the read-out, half to fit and half to score (default 4000).")
    int strings;

    @Option(names = "--silence", paramLabel = "UNIT", split = ",",
            description = "Units (from 0) whose hidden output is forced to 0, e.g. 3,17.")
    List<Integer> silence;

    @Option(names = "--scatter", paramLabel = "UNIT",
            description = "Add the unit's state against the count so far, for every prefix of the first scored"
                    + " strings, to the JSON.")
    Integer scatterUnit;

    @Option(names = "--scatter-strings", paramLabel = "N",
            description = "Scored strings whose prefixes --scatter adds (default " + DEFAULT_SCATTER_STRINGS
                    + "; at most half of --strings).")
    Integer scatterStrings;

    @Override
    public void run() {
        TrainedModel model = modelOption.load();
        TrainingSettings settings = model.settings();
        ParameterSnapshot parameters = model.parameters();
        SilencedUnits silenced = silencedUnits(parameters.hidden());
        long testSize = settings.testSize();
        if (strings < 2 || strings > testSize) {
            throw CliFailure.usage(String.format(Locale.ROOT, "--strings must be between 2 and %,d, got %,d",
                    testSize, strings));
        }
        if (scatterUnit != null && (scatterUnit < 0 || scatterUnit >= parameters.hidden())) {
            throw CliFailure.usage(String.format(Locale.ROOT, "--scatter must name a unit from 0 to %d, got %d",
                    parameters.hidden() - 1, scatterUnit));
        }
        int scored = strings - strings / 2;
        if (scatterStrings != null && scatterUnit == null) {
            throw CliFailure.usage("--scatter-strings needs --scatter UNIT");
        }
        if (scatterStrings != null && (scatterStrings < 1 || scatterStrings > scored)) {
            throw CliFailure.usage(String.format(Locale.ROOT,
                    "--scatter-strings must be between 1 and %,d (the scored half of --strings), got %,d", scored,
                    scatterStrings));
        }
        int scatterShown = scatterUnit == null ? 0
                : scatterStrings != null ? scatterStrings : Math.min(DEFAULT_SCATTER_STRINGS, scored);
        checkMemory(settings, parameters.hidden(), scatterShown);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkProgress progress = new WorkProgress(err, "Read out");
        long start = System.nanoTime();
        try (InterruptGuard guard = new InterruptGuard(() -> { }, err)) {
            progress.warnIfLong(String.format(Locale.ROOT, "A read-out from %,d strings of length %d with hidden size %d",
                    strings, settings.length(), parameters.hidden()),
                    readoutCost(parameters.hidden(), settings.length(), strings) / DEFAULT_READOUT_COST);
            try {
                inspect(model, silenced, scatterShown, progress, guard::interrupted);
            } catch (CancellationException e) {
                out.printf(Locale.ROOT, "Interrupted (Ctrl-C or a kill signal) after %.1f s, %.1f%% of the read-out"
                        + " done; nothing is reported for part of it%n", (System.nanoTime() - start) / 1e9,
                        100 * progress.fraction());
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("settings", settings);
                summary.put("outcome", "interrupted");
                out.println(Json.line(summary));
                out.flush();
                throw CliFailure.reported(TrainCommand.INTERRUPTED);
            }
        }
    }

    private void inspect(TrainedModel model, SilencedUnits silenced, int scatterShown, WorkProgress progress,
            BooleanSupplier stop) {
        TrainingSettings settings = model.settings();
        ParameterSnapshot parameters = model.parameters();
        BitStringDataset dataset = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed());
        CountReadout readout = CountReadout.fit(parameters, silenced, dataset.heldOutSample(strings), progress, stop);
        int[] heldOut = dataset.heldOutSample(settings.evalSample());
        double heldOutError = Evaluator.evaluate(parameters, heldOut, fraction -> { }, stop).errorPercent();
        double silencedError = silenced.isEmpty() ? heldOutError
                : Evaluator.evaluate(parameters, silenced, heldOut, fraction -> { }, stop).errorPercent();

        PrintWriter out = spec.commandLine().getOut();
        boolean cell = parameters.cellType().hasCellState();
        out.printf(Locale.ROOT, "Model %s; read-out of the count so far from the %s after each prefix of %,d held-out strings%n",
                settings.label(), cell ? "hidden and cell state" : "hidden state", strings);
        out.print("R^2 by step:");
        double[] byStep = readout.rSquaredByStep();
        for (int t = 0; t < byStep.length; t++) {
            out.printf(Locale.ROOT, "%s%d:%.3f", t % 10 == 0 ? System.lineSeparator() + "  " : "  ", t + 1, byStep[t]);
        }
        out.println();
        out.printf(Locale.ROOT, "R^2 at the last step %.4f, over all prefixes %.4f%n", readout.rSquaredAtLastStep(),
                readout.rSquared());
        out.printf(Locale.ROOT, "Units that follow the count most closely:%n%6s %12s %12s %12s %12s%n", "unit",
                "corr(h)", "corr(c)", "weight(h)", "weight(c)");
        for (UnitCount u : readout.countingUnits().subList(0, Math.min(SHOWN_UNITS, parameters.hidden()))) {
            out.printf(Locale.ROOT, "%6d %12.3f %12.3f %12.3f %12.3f%n", u.unit(), u.hiddenCorrelation(),
                    u.cellCorrelation(), u.hiddenWeight(), u.cellWeight());
        }
        out.printf(Locale.ROOT, "Held-out error on %,d strings: %.3f%%", heldOut.length, heldOutError);
        if (!silenced.isEmpty()) {
            out.printf(Locale.ROOT, "; with units %s silenced: %.3f%%", Arrays.toString(silenced.units()),
                    silencedError);
        }
        out.println();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("settings", settings);
        summary.put("readoutStrings", strings);
        summary.put("rSquaredLastStep", Json.round(readout.rSquaredAtLastStep(), 5));
        summary.put("rSquared", Json.round(readout.rSquared(), 5));
        List<Double> steps = new ArrayList<>();
        for (double r : byStep) {
            steps.add(Json.round(r, 5));
        }
        summary.put("rSquaredByStep", steps);
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitCount u : readout.countingUnits()) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("unit", u.unit());
            unit.put("hiddenCorrelation", Json.round(u.hiddenCorrelation(), 4));
            unit.put("cellCorrelation", cell ? Json.round(u.cellCorrelation(), 4) : null);
            unit.put("hiddenWeight", Json.round(u.hiddenWeight(), 4));
            unit.put("cellWeight", cell ? Json.round(u.cellWeight(), 4) : null);
            units.add(unit);
        }
        summary.put("countingUnits", units);
        summary.put("heldOutStrings", heldOut.length);
        summary.put("heldOutError", Json.round(heldOutError, 4));
        summary.put("silenced", silenced.units());
        summary.put("heldOutErrorSilenced", Json.round(silencedError, 4));
        if (scatterUnit != null) {
            UnitScatter scatter = readout.scatter(scatterUnit, scatterShown);
            Map<String, Object> points = new LinkedHashMap<>();
            points.put("unit", scatter.unit());
            points.put("strings", scatterShown);
            points.put("step", scatter.step());
            points.put("count", scatter.count());
            points.put("hidden", scatter.hidden());
            if (cell) { // a simple RNN has no cell state; its scatter repeats the hidden one
                points.put("cell", scatter.cell());
            }
            summary.put("scatter", points);
        }
        Json.print(out, summary); // written as it goes: a large scatter never becomes one string in memory
    }

    /** Refuses, before anything is allocated, a read-out this JVM cannot hold, saying how many strings fit. */
    private void checkMemory(TrainingSettings settings, int hidden, int scatterShown) {
        MemoryBudget budget = MemoryBudget.ofThisJvm();
        MemoryBudget.Estimate scoring = MemoryBudget.evaluation(settings.length(), hidden, settings.evalSample());
        long fixed = (4L << settings.length()) // every string, shuffled, as an int
                + scoring.heapBytes() + CountReadout.scatterBytes(settings.length(), scatterShown)
                + CountReadout.heapBytes(hidden, 0);
        long need = fixed + CountReadout.heapBytes(hidden, strings) - CountReadout.heapBytes(hidden, 0)
                + (long) strings * Integer.BYTES; // the held-out sample the strings are taken from
        if (need <= budget.heapBytes() && scoring.nativeBytes() <= budget.nativeBytes()) {
            return;
        }
        long perString = CountReadout.heapBytes(hidden, 1) - CountReadout.heapBytes(hidden, 0) + Integer.BYTES;
        long fits = Math.max(0, (budget.heapBytes() - fixed) / perString);
        throw CliFailure.usage(String.format(Locale.ROOT,
                "Too large for this machine: a read-out from %,d strings%s needs about %,d MB of Java heap; this Java"
                        + " process can give it %,d MB. %s or give Java more memory (java -Xmx4g -jar ...).",
                strings, scatterShown > 0 ? String.format(Locale.ROOT, " with a scatter of %,d strings", scatterShown) : "",
                need >> 20, budget.heapBytes() >> 20,
                fits >= 2 ? String.format(Locale.ROOT, "At most %,d strings fit (--strings);", fits)
                        : scatterShown > 0 ? "Use fewer --scatter-strings," : "Use a smaller model,"));
    }

    /** Multiply-adds of a read-out, about: each prefix is one step of the cell and an update of the normal equations. */
    static double readoutCost(int hidden, int length, long strings) {
        double width = 2.0 * hidden + 1;
        return (double) strings * length * (4.0 * hidden * (hidden + 2) + width * width / 4);
    }

    private SilencedUnits silencedUnits(int hidden) {
        if (silence == null) {
            return SilencedUnits.none();
        }
        try {
            return SilencedUnits.within(hidden, silence);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--silence: " + e.getMessage());
        }
    }
}
