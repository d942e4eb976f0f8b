package org.bitcountlab.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.bitcountlab.core.training.InvalidSettingsException;
import org.bitcountlab.core.training.MemoryBudget;
import org.bitcountlab.core.training.TrainingSettings;

/**
 * What a sweep trains: the base settings with one setting set to each value in turn, each trained
 * with {@code seeds} seeds (the base seed, the next one, ...). A seed sets the data split, the
 * initial weights and the minibatch order, so the spread over seeds is what chance alone does.
 */
public record SweepPlan(TrainingSettings base, SweepVariable variable, List<Integer> values, int seeds) {

    public static final int DEFAULT_SEEDS = 3;
    public static final int MAX_SEEDS = 20;
    public static final int MAX_VALUES = 30;

    public SweepPlan {
        values = List.copyOf(values);
    }

    public SweepPlan withSeeds(int value) {
        return new SweepPlan(base, variable, values, value);
    }

    public int runs() {
        return values.size() * seeds;
    }

    /** The settings of one run: seed index 0..seeds-1. */
    public TrainingSettings settings(int value, int seedIndex) {
        return variable.apply(base, value).withSeed(base.seed() + seedIndex);
    }

    /** What is wrong with this plan, one message per problem. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (values.isEmpty()) {
            problems.add("a sweep needs at least one value");
        }
        if (values.size() > MAX_VALUES) {
            problems.add(String.format(Locale.ROOT, "a sweep takes at most %d values, got %d", MAX_VALUES, values.size()));
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            problems.add("each value may appear only once, got " + values);
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            problems.add(String.format(Locale.ROOT, "seeds must be between 1 and %d, got %d", MAX_SEEDS, seeds));
        }
        if (values.size() > MAX_VALUES) {
            return problems; // each of thousands of values would add its own
        }
        MemoryBudget memory = MemoryBudget.ofThisJvm();
        for (int value : values) {
            TrainingSettings settings = variable.apply(base, value);
            for (String problem : settings.problems()) {
                problems.add(String.format(Locale.ROOT, "at %s %,d: %s", variable.label(), value, problem));
            }
            memory.check(settings).ifPresent(problem -> problems.add(
                    String.format(Locale.ROOT, "at %s %,d: %s", variable.label(), value, problem.message())));
        }
        return problems;
    }

    public SweepPlan validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return this;
    }
}
