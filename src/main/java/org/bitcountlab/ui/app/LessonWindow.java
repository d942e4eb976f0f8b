package org.bitcountlab.ui.app;

import java.util.Arrays;
import java.util.List;

import javafx.beans.value.ObservableBooleanValue;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.sweep.ReadySweep;
import org.bitcountlab.core.training.Preset;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.lessons.LessonStep;
import org.bitcountlab.ui.lessons.LessonsViewModel;
import org.bitcountlab.ui.runs.SweepBase;
import org.bitcountlab.ui.settings.NumberField;
import org.bitcountlab.ui.state.LabModel;
import org.bitcountlab.ui.state.RunRecord;

/**
 * A lesson's steps, done through the features' own view models: exactly what a teacher's clicks
 * would do, so a lesson can show nothing a class could not reach by hand.
 */
final class LessonWindow implements LessonsViewModel.Window {

    private final ViewModels viewModels;

    LessonWindow(ViewModels viewModels) {
        this.viewModels = viewModels;
    }

    @Override
    public void run(LessonStep step) {
        String value = step.value();
        switch (step.action()) {
            case PRESET -> viewModels.settings().presetProperty().set(Preset.fromId(value));
            case SET -> set(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
            case TAB -> viewModels.lab().shownTab().set(value);
            case BITS -> bits(value);
            case TRAIN -> {
                if (!viewModels.training().runningProperty().get()) {
                    viewModels.training().train();
                }
            }
            case PAUSE -> {
                if (viewModels.training().runningProperty().get() && !viewModels.training().pausedProperty().get()) {
                    viewModels.training().togglePause();
                }
            }
            case STEP -> viewModels.training().step();
            case STOP -> viewModels.training().stop();
            case RESET -> viewModels.training().reset();
            case EVALUATE_ALL -> viewModels.training().evaluateAll();
            case LENGTHS -> viewModels.failures().tryOtherLengths();
            case SILENCE -> silence(step.units());
            case RESTORE_UNITS -> viewModels.counter().restoreAllUnits();
            case SWEEP -> {
                viewModels.runs().form().baseProperty().set(SweepBase.of(ReadySweep.fromId(value)));
                viewModels.runs().sweep();
            }
            case PRESENTATION -> viewModels.lab().presentation().onProperty().set(value.equals("on"));
            case WAIT -> { } // the lesson waits; nothing to do
            case COMPARE -> compareWithTheRunBefore();
        }
    }

    @Override
    public ObservableBooleanValue busyWith(String what) {
        return switch (what) {
            case "run" -> viewModels.lab().run().runningProperty();
            case "sweep" -> viewModels.lab().run().sweepingProperty();
            case "evaluation" -> viewModels.lab().analysis().evaluatingProperty();
            case "lengths" -> viewModels.failures().measuringLengthsProperty();
            default -> throw new IllegalArgumentException("nothing to wait for called " + what);
        };
    }

    /** Draws the run before the last one over the learning curve, as selecting its row would. */
    private void compareWithTheRunBefore() {
        List<RunRecord> runs = viewModels.lab().history().runs();
        if (runs.size() >= 2) {
            viewModels.lab().history().selected().setAll(runs.get(runs.size() - 2));
        }
    }

    private void set(String field, String value) {
        switch (field) {
            case "cell" -> viewModels.settings().cellProperty().set(value.equals("rnn") ? CellType.SIMPLE_RNN : CellType.LSTM);
            case "shuffle" -> viewModels.settings().shuffleProperty().set(Boolean.parseBoolean(value));
            case "everyLength" -> viewModels.settings().everyLengthProperty().set(Boolean.parseBoolean(value));
            default -> {
                NumberField target = switch (field) {
                    case "hidden" -> viewModels.settings().hidden();
                    case "batch" -> viewModels.settings().batch();
                    case "epochs" -> viewModels.settings().epochs();
                    case "rate" -> viewModels.settings().learningRate();
                    case "decay" -> viewModels.settings().decay();
                    case "strings" -> viewModels.settings().trainSize();
                    case "seed" -> viewModels.settings().seed();
                    default -> throw new IllegalArgumentException("no field called " + field);
                };
                double number = Double.parseDouble(value);
                // written as the field writes numbers in this locale, as a teacher would type it
                target.textProperty().set(number == Math.rint(number) && !value.contains(".")
                        ? LocaleNumbers.formatInteger((long) number) : LocaleNumbers.formatDecimal(number));
            }
        }
    }

    private void bits(String value) {
        switch (value) {
            case "random" -> viewModels.bits().randomise();
            case "allZero" -> viewModels.bits().allZero();
            case "allOne" -> viewModels.bits().allOne();
            case "example" -> viewModels.bits().tutorialExample();
            default -> viewModels.bits().show(value);
        }
    }

    /** Silences the units, numbered from 1 as on their buttons, those the model shown has. */
    private void silence(int[] unitsFromOne) {
        LabModel shown = viewModels.lab().models().get();
        if (shown == null) {
            return;
        }
        int hidden = shown.model().parameters().hidden();
        int[] units = Arrays.stream(unitsFromOne).map(unit -> unit - 1).filter(unit -> unit < hidden).toArray();
        viewModels.lab().models().silence(SilencedUnits.of(units));
    }
}
