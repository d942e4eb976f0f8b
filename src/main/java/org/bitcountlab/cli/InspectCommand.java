package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bitcountlab.core.dataset.BitStringDataset;
import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.inspect.UnitCount;
import org.bitcountlab.core.inspect.UnitScatter;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.Evaluator;
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
            description = "Add the unit's state against the count so far, for every scored prefix, to the JSON.")
    Integer scatterUnit;

    @Override
    public void run() {
        TrainedModel model = modelOption.load();
        TrainingSettings settings = model.settings();
        ParameterSnapshot parameters = model.parameters();
        SilencedUnits silenced = silencedUnits(parameters.hidden());
        BitStringDataset dataset = BitStringDataset.create(settings.length(), settings.trainSize(), settings.seed());
        if (strings < 2 || strings > dataset.testSize()) {
            throw CliFailure.usage(String.format(Locale.ROOT, "--strings must be between 2 and %,d, got %,d",
                    dataset.testSize(), strings));
        }
        if (scatterUnit != null && (scatterUnit < 0 || scatterUnit >= parameters.hidden())) {
            throw CliFailure.usage(String.format(Locale.ROOT, "--scatter must name a unit from 0 to %d, got %d",
                    parameters.hidden() - 1, scatterUnit));
        }
        CountReadout readout = CountReadout.fit(parameters, silenced, dataset.heldOutSample(strings));
        int[] heldOut = dataset.heldOutSample(settings.evalSample());
        double heldOutError = Evaluator.evaluate(parameters, heldOut).errorPercent();
        double silencedError = Evaluator.evaluate(parameters, silenced, heldOut).errorPercent();

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
            UnitScatter scatter = readout.scatter(scatterUnit);
            Map<String, Object> points = new LinkedHashMap<>();
            points.put("unit", scatter.unit());
            points.put("step", scatter.step());
            points.put("count", scatter.count());
            points.put("hidden", scatter.hidden());
            points.put("cell", scatter.cell());
            summary.put("scatter", points);
        }
        out.println(Json.line(summary));
    }

    private SilencedUnits silencedUnits(int hidden) {
        if (silence == null) {
            return SilencedUnits.none();
        }
        try {
            SilencedUnits units = SilencedUnits.of(silence);
            units.checkFits(hidden);
            return units;
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--silence: " + e.getMessage());
        }
    }
}
