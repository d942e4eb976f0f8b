package org.bitcountlab.ui.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bitcountlab.core.sweep.ReadySweep;
import org.bitcountlab.core.training.Preset;

/**
 * One thing a card's "Show me" does to the window: choose a preset, set a field, show a tab, set
 * the bits, start a run or a sweep, silence units, draw the run before over the last one, wait for
 * the class to see a result.
 *
 * @param action what to do
 * @param value  its argument, checked against the action when the lesson is read; empty where none is taken
 */
public record LessonStep(Action action, String value) {

    /** The actions a lesson may take, by the name a lesson file gives them. */
    public enum Action {
        PRESET("preset"), SET("set"), TAB("tab"), BITS("bits"), TRAIN("train"), PAUSE("pause"), STEP("step"),
        STOP("stop"), RESET("reset"), EVALUATE_ALL("evaluateAll"), LENGTHS("lengths"), SILENCE("silence"),
        RESTORE_UNITS("restoreUnits"), SWEEP("sweep"), PRESENTATION("presentation"), WAIT("wait"),
        COMPARE("compare");

        private final String id;

        Action(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Action fromId(String id) {
            for (Action action : values()) {
                if (action.id.equals(id)) {
                    return action;
                }
            }
            return null;
        }

        static String ids() {
            return String.join(", ", Arrays.stream(values()).map(Action::id).toList());
        }
    }

    /** The fields "set" may change, as "field=value". */
    public static final List<String> FIELDS = List.of("hidden", "batch", "epochs", "rate", "decay", "strings", "seed",
            "cell", "shuffle", "everyLength");
    /** The tabs "tab" may show. */
    public static final List<String> TABS = List.of("curve", "runs", "failures", "inside", "counter");
    /** What "wait" may wait for. */
    public static final List<String> WAITS = List.of("run", "sweep", "evaluation", "lengths");
    private static final Set<String> BIT_PRESETS = Set.of("random", "allZero", "allOne", "example");
    private static final int MAX_UNIT = 512;

    /**
     * The step's problem, in a sentence a teacher can act on, or null when it is sound. The length
     * of a bit string is the window's (20).
     */
    String problem(int bits) {
        switch (action) {
            case PRESET:
                try {
                    Preset.fromId(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case SET:
                return setProblem();
            case TAB:
                return TABS.contains(value) ? null : "unknown tab '" + value + "'; choose " + String.join(", ", TABS);
            case BITS:
                if (BIT_PRESETS.contains(value)) {
                    return null;
                }
                if (value.matches("[01]{1,30}")) {
                    return null;
                }
                return "bits must be 1 to 30 digits 0 or 1 (" + bits + " as the window starts), or random, allZero,"
                        + " allOne or example; got '" + shortened(value) + "'";
            case SILENCE:
                return silenceProblem();
            case SWEEP:
                try {
                    ReadySweep.fromId(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case PRESENTATION:
                return value.equals("on") || value.equals("off") ? null : "presentation is on or off, got '" + value + "'";
            case WAIT:
                return WAITS.contains(value) ? null : "wait for one of " + String.join(", ", WAITS) + ", got '" + value + "'";
            default:
                return value.isEmpty() ? null : action.id() + " takes no value, got '" + value + "'";
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private String setProblem() {
        int equals = value.indexOf('=');
        String field = equals < 0 ? value : value.substring(0, equals);
        if (equals < 0 || !FIELDS.contains(field)) {
            return "set takes field=value with a field among " + String.join(", ", FIELDS) + ", got '" + value + "'";
        }
        String setting = value.substring(equals + 1);
        return switch (field) {
            case "cell" -> setting.equals("lstm") || setting.equals("rnn") ? null : "cell is lstm or rnn, got '" + setting + "'";
            case "shuffle", "everyLength" -> setting.equals("true") || setting.equals("false") ? null
                    : field + " is true or false, got '" + setting + "'";
            default -> setting.matches("[0-9]+(\\.[0-9]+)?") ? null
                    : field + " needs a number written with a point, such as 0.02, got '" + setting + "'";
        };
    }

    private String silenceProblem() {
        for (String unit : value.split(",")) {
            String number = unit.strip();
            if (!number.matches("[0-9]{1,4}") || Integer.parseInt(number) < 1 || Integer.parseInt(number) > MAX_UNIT) {
                return String.format(Locale.ROOT, "silence takes unit numbers from 1 to %d separated by commas, got '%s'",
                        MAX_UNIT, value);
            }
        }
        return null;
    }

    /** The unit numbers of a "silence" step, from 1. */
    public int[] units() {
        return Arrays.stream(value.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }
}
