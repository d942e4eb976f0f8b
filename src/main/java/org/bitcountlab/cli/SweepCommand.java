package org.bitcountlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bitcountlab.core.model.Nd4jRuntime;
import org.bitcountlab.core.sweep.FinalFigure;
import org.bitcountlab.core.sweep.ReadySweep;
import org.bitcountlab.core.sweep.SeedRun;
import org.bitcountlab.core.sweep.Spread;
import org.bitcountlab.core.sweep.Sweep;
import org.bitcountlab.core.sweep.SweepListener;
import org.bitcountlab.core.sweep.SweepPlan;
import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.core.sweep.SweepProgress;
import org.bitcountlab.core.sweep.SweepResult;
import org.bitcountlab.core.sweep.SweepVariable;
import org.bitcountlab.core.training.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train one run per value of the hidden size or the training-set size, several seeds each,"
                + " and report training and held-out error per point (mean, min, max over the seeds).",
                "Output: one JSON line per point as it finishes, a table, then a JSON summary; progress goes to"
                + " standard error."})
final class SweepCommand implements Runnable {

    private static final int SHOWN_PROBLEMS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--ready", paramLabel = "NAME",
            description = "A ready-made sweep: hidden-few-strings, hidden-tutorial-data or train-size.")
    String ready;

    @Option(names = "--vary", paramLabel = "SETTING", description = "What to vary: hidden or train-size.")
    String vary;

    @Option(names = "--values", paramLabel = "N", split = ",", description = "The values to try, e.g. 1,2,4,8,16.")
    List<Integer> values;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Runs per value, with seeds base, base+1, ... (default " + SweepPlan.DEFAULT_SEEDS + ").")
    Integer seeds;

    @Mixin
    SettingsOptions options;

    @Override
    public void run() {
        SweepPlan plan = plan();
        List<String> problems = plan.problems();
        if (!problems.isEmpty()) {
            throw CliFailure.usage("Invalid sweep: " + firstProblems(problems));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<double[]> runStarts = new ArrayList<>(); // clock seconds at each run's start, and the time left estimated then
        long start = System.nanoTime();
        Sweep sweep = new Sweep(plan, new SweepListener() {
            @Override
            public void runStarted(SweepProgress p) {
                runStarts.add(new double[] {(System.nanoTime() - start) / 1e9, p.secondsLeft()});
                err.printf(Locale.ROOT, "run %d of %d: %s %,d, seed %d%s%n", p.run(), p.runs(), plan.variable().label(),
                        p.value(), p.seed(), Double.isNaN(p.secondsLeft()) ? "" : ", " + timeLeft(p.secondsLeft()));
            }

            @Override
            public void pointFinished(SweepPoint point) {
                out.println(Json.line(pointJson(plan, point, true)));
            }
        });
        boolean interrupted;
        // registered before the first line; the table and the summary are printed before the guard
        // lets a signalled JVM exit
        try (InterruptGuard guard = new InterruptGuard(sweep::cancel, err)) {
            TrainingSettings base = plan.base();
            Nd4jRuntime.initialise(); // seconds on a busy machine: before the header, not after a signal
            Json.line(Map.of("base", base));
            out.printf(Locale.ROOT, "Sweep of %s over %s, %d seeds each (%d runs); base %s, %d epochs, %,d training strings%n",
                    plan.variable().label(), plan.values(), plan.seeds(), plan.runs(), base.label(), base.epochs(),
                    base.trainSize());
            out.printf(Locale.ROOT, "Each run's figure: %s%n", FinalFigure.DESCRIPTION);
            SweepResult result = sweep.run();
            interrupted = guard.interrupted() && !result.completed();
            report(out, plan, result, (System.nanoTime() - start) / 1e9, runStarts);
        }
        if (interrupted) {
            throw CliFailure.reported(TrainCommand.INTERRUPTED);
        }
    }

    private static void report(PrintWriter out, SweepPlan plan, SweepResult result, double seconds,
            List<double[]> runStarts) {
        TrainingSettings base = plan.base();
        printTable(out, result);
        if (!result.completed()) {
            out.printf(Locale.ROOT, "Stopped after %d of %d points%n", result.points().size(), plan.values().size());
        }
        List<Map<String, Object>> timeLeft = new ArrayList<>();
        double worst = 0;
        for (int run = 1; result.completed() && run <= runStarts.size(); run++) {
            double[] at = runStarts.get(run - 1);
            double actual = seconds - at[0];
            timeLeft.add(Map.of("run", run, "estimated", Json.round(at[1], 1), "actual", Json.round(actual, 1)));
            if (run >= 2) {
                worst = Math.max(worst, Math.abs(at[1] - actual) / actual);
            }
        }
        if (!timeLeft.isEmpty()) {
            double[] first = runStarts.get(0);
            out.printf(Locale.ROOT, "Time left estimated at each run's start: %.0f s at the first for %.0f s; "
                    + "from the second on, within %.0f%% of the clock%n", first[1], seconds - first[0], 100 * worst);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("variable", plan.variable().id());
        summary.put("values", plan.values());
        summary.put("seeds", plan.seeds());
        summary.put("finalFigure", FinalFigure.DESCRIPTION);
        summary.put("completed", result.completed());
        summary.put("seconds", Json.round(seconds, 1));
        summary.put("base", base);
        List<Map<String, Object>> points = new ArrayList<>();
        for (SweepPoint point : result.points()) {
            points.add(pointJson(plan, point, false));
        }
        summary.put("points", points);
        if (!timeLeft.isEmpty()) {
            summary.put("timeLeft", timeLeft);
            summary.put("worstTimeLeftErrorFromRun2", Json.round(worst, 3));
        }
        out.println(Json.line(summary));
    }

    /** The first few problems: a list of thousands of values would otherwise be one line of thousands. */
    static String firstProblems(List<String> problems) {
        int shown = Math.min(problems.size(), SHOWN_PROBLEMS);
        String first = String.join("; ", problems.subList(0, shown));
        return shown == problems.size() ? first
                : String.format(Locale.ROOT, "%s; and %,d more", first, problems.size() - shown);
    }

    private SweepPlan plan() {
        boolean presetGiven = spec.commandLine().getParseResult().hasMatchedOption("--preset");
        SweepPlan plan;
        if (ready != null) {
            if (vary != null || values != null || presetGiven) {
                throw CliFailure.usage("--ready names a whole sweep; use --vary, --values and --preset without it");
            }
            try {
                plan = ReadySweep.fromId(ready).plan();
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(e.getMessage());
            }
            plan = new SweepPlan(options.applyTo(startFor(plan.base(), plan.variable(), plan.values())),
                    plan.variable(), plan.values(), plan.seeds());
        } else {
            if (vary == null || values == null) {
                throw CliFailure.usage("Name a ready sweep (--ready " + ReadySweep.ids()
                        + ") or what to vary and its values (--vary hidden --values 1,2,4,8)");
            }
            SweepVariable variable;
            try {
                variable = SweepVariable.fromId(vary);
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(e.getMessage());
            }
            plan = new SweepPlan(options.applyTo(startFor(options.presetSettings(), variable, values)), variable, values,
                    SweepPlan.DEFAULT_SEEDS);
        }
        if ((plan.variable() == SweepVariable.HIDDEN_SIZE && options.hidden != null)
                || (plan.variable() == SweepVariable.TRAINING_SET_SIZE && options.trainSize != null)) {
            throw CliFailure.usage("The sweep varies the " + plan.variable().label() + "; give its values, not a single one");
        }
        return seeds == null ? plan : plan.withSeeds(seeds);
    }

    /**
     * The settings the options apply to. A sweep of the training-set size replaces the preset's
     * 10,000 strings, which short strings do not have (2^13 = 8,192); it starts from the largest
     * value, so that the held-out sample is sized to fit beside every one.
     */
    private static TrainingSettings startFor(TrainingSettings start, SweepVariable variable, List<Integer> values) {
        if (variable != SweepVariable.TRAINING_SET_SIZE || values.isEmpty()) {
            return start;
        }
        return start.withTrainSize(Collections.max(values));
    }

    private static void printTable(PrintWriter out, SweepResult result) {
        out.printf(Locale.ROOT, "%12s %26s %26s%n", result.plan().variable().label(), "training error % (min-max)",
                "held-out error % (min-max)");
        for (SweepPoint point : result.points()) {
            out.printf(Locale.ROOT, "%,12d %26s %26s%s%s%n", point.value(), cell(point.trainingError()),
                    cell(point.heldOutError()), point.divergedRuns() > 0 ? "  (" + point.divergedRuns() + " diverged)" : "",
                    point.runsThatLearnedNothing() > 0 ? "  (" + point.runsThatLearnedNothing() + " did not learn)" : "");
        }
    }

    private static String cell(Spread s) {
        return String.format(Locale.ROOT, "%7.2f (%6.2f-%6.2f)", s.mean(), s.min(), s.max());
    }

    private static Map<String, Object> pointJson(SweepPlan plan, SweepPoint point, boolean withRuns) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(plan.variable().id(), point.value());
        json.put("trainingError", spread(point.trainingError()));
        json.put("heldOutError", spread(point.heldOutError()));
        if (withRuns) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (SeedRun run : point.runs()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("seed", run.seed());
                r.put("outcome", run.outcome().id());
                r.put("trainingError", figure(run.trainingError()));
                r.put("heldOutError", figure(run.heldOutError()));
                r.put("epochs", run.epochs());
                r.put("seconds", Json.round(run.seconds(), 2));
                runs.add(r);
            }
            json.put("runs", runs);
        }
        return json;
    }

    private static Map<String, Object> spread(Spread s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mean", figure(s.mean()));
        json.put("min", figure(s.min()));
        json.put("max", figure(s.max()));
        return json;
    }

    /** A percentage for JSON: null where there is none, never a misleading 0. */
    private static Double figure(double percent) {
        return Double.isNaN(percent) ? null : Json.round(percent, 4);
    }

    private static String timeLeft(double seconds) {
        return seconds < 90 ? String.format(Locale.ROOT, "about %.0f s left", seconds)
                : String.format(Locale.ROOT, "about %.0f min left", seconds / 60);
    }
}
