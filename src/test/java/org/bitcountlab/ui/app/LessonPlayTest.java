package org.bitcountlab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.core.training.Preset;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.lessons.Lesson;
import org.bitcountlab.ui.lessons.LessonCard;
import org.bitcountlab.ui.lessons.LessonStep;
import org.bitcountlab.ui.lessons.LessonsViewModel;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every card of the three lessons, played headlessly: each step of its "Show me" leaves the window
 * as it says, a "wait" holds the steps after it until the run, sweep or evaluation it names has
 * ended, and the class can go on. Runs and sweeps are stopped at once: what they would show is
 * not what is tested here.
 */
class LessonPlayTest {

    private final HeadlessLab headless = new HeadlessLab();
    private final QueuedTaskExecutor tasks = headless.tasks;
    private final Lab lab = headless.lab;
    private final ViewModels viewModels = headless.viewModels;

    @AfterEach
    void restore() {
        headless.close();
    }

    @Test
    void everyCardOfEveryLessonShowsWhatItSays() {
        LessonsViewModel lessons = viewModels.lessons();
        for (Lesson lesson : lessons.builtIn()) {
            lessons.start(lesson);
            for (int index = 0; index < lesson.cards().size(); index++) {
                LessonCard card = lesson.cards().get(index);
                String where = lesson.title().in(Locale.ENGLISH) + ", card " + (index + 1);
                assertThat(lessons.cardProperty().get()).as(where).isEqualTo(index);
                lessons.showMe();
                for (LessonStep step : card.show()) {
                    if (step.action() == LessonStep.Action.WAIT) {
                        assertThat(lessons.showingProperty().get()).as("%s: holds at its wait for the %s", where,
                                step.value()).isEqualTo(busy(step.value()));
                        end(step.value());
                    }
                }
                assertShows(card, where);
                assertThat(lessons.showingProperty().get()).as("%s: done", where).isFalse();
                lessons.next();
            }
            assertThat(lessons.canGoOnProperty().get()).isFalse();
            lessons.close();
        }
        assertThat(tasks.failed()).isEmpty();
    }

    @Test
    void goingOnBeforeAShowMeEndsForgetsTheRestOfIt() {
        LessonsViewModel lessons = viewModels.lessons();
        lessons.start(lessons.builtIn().get(2)); // why an LSTM: a simple RNN trains, then the rest waits
        lessons.showMe();
        assertThat(lessons.showingProperty().get()).isTrue();
        lessons.next();
        assertThat(lessons.showingProperty().get()).isFalse();
        end("run");
        assertThat(viewModels.settings().cellProperty().get()).as("nothing of the card left behind ran")
                .isEqualTo(CellType.SIMPLE_RNN);
        assertThat(lab.run().runningProperty().get()).isFalse();
    }

    @Test
    void compareDrawsTheRunBeforeTheLastOverItsCurve() {
        LessonsViewModel lessons = viewModels.lessons();
        Lesson whyAnLstm = lessons.builtIn().get(2);
        LessonCard lstmAgain = whyAnLstm.cards().get(1);
        assertThat(lstmAgain.show()).extracting(LessonStep::action).endsWith(LessonStep.Action.COMPARE);
        for (long seed : new long[] {1, 2, 3}) {
            lab.run().start(TrainingSettings.fast().withHidden(4).withEpochs(1).withSeed(seed), 0, result -> { });
            tasks.runAll();
            tasks.tick();
        }
        var runs = lab.history().runs();
        assertThat(runs).hasSize(3);

        lessons.start(whyAnLstm);
        lessons.next();
        lessons.showMe(); // sets the cell, trains (stopped at once below: not listed), waits, compares
        end("run");

        assertThat(lab.history().selected()).containsExactly(runs.get(1));
    }

    private boolean busy(String what) {
        return switch (what) {
            case "run" -> lab.run().runningProperty().get();
            case "sweep" -> lab.run().sweepingProperty().get();
            case "evaluation" -> lab.analysis().evaluatingProperty().get();
            default -> viewModels.failures().measuringLengthsProperty().get();
        };
    }

    /** Ends what a "wait" waits for, at once, as Stop would. */
    private void end(String what) {
        switch (what) {
            case "run" -> viewModels.training().stop();
            case "sweep" -> viewModels.runs().stop();
            case "evaluation" -> lab.analysis().cancelFullEvaluation();
            default -> { }
        }
        tasks.runAll();
    }

    /** What the card's steps leave behind that the class sees (the last of each kind). */
    private void assertShows(LessonCard card, String where) {
        for (LessonStep step : card.show()) {
            String value = step.value();
            switch (step.action()) {
                case TAB -> assertThat(lab.shownTab().get()).as(where).isEqualTo(lastValue(card, step.action()));
                case PRESET -> assertThat(viewModels.settings().presetProperty().get() == null
                        || viewModels.settings().presetProperty().get() == Preset.fromId(value)).as(where).isTrue();
                case BITS -> {
                    if (value.equals("example")) {
                        assertThat(viewModels.bits().valueProperty().get()).as(where).isEqualTo(0b10011011101001101110);
                    } else if (value.equals("allOne")) {
                        assertThat(viewModels.bits().valueProperty().get()).as(where).isEqualTo((1 << 20) - 1);
                    } else if (value.matches("[01]+")) {
                        assertThat(viewModels.bits().lengthProperty().get()).as(where).isEqualTo(value.length());
                        assertThat(viewModels.bits().valueProperty().get()).as(where).isEqualTo(Integer.parseInt(value, 2));
                        assertThat(viewModels.bits().predictionProperty().get().bits()).as(where).isEqualTo(value);
                    }
                }
                case SET -> {
                    if (value.startsWith("cell=")) {
                        assertThat(viewModels.settings().cellProperty().get()).as(where)
                                .isEqualTo(lastSet(card, "cell=").equals("cell=rnn") ? CellType.SIMPLE_RNN : CellType.LSTM);
                    } else if (value.startsWith("everyLength=")) {
                        assertThat(viewModels.settings().everyLengthProperty().get()).as(where)
                                .isEqualTo(value.endsWith("true"));
                        assertThat(viewModels.settings().settingsProperty().get().lengths()).as(where)
                                .isEqualTo(value.endsWith("true") ? "1-20" : "20");
                    }
                }
                case SILENCE -> assertThat(lab.models().get().silenced()).as(where)
                        .isEqualTo(SilencedUnits.of(java.util.Arrays.stream(step.units()).map(unit -> unit - 1).toArray()));
                case RESTORE_UNITS -> assertThat(lab.models().get().silenced().isEmpty()).as(where).isTrue();
                case SWEEP -> assertThat(viewModels.runs().shownPlanProperty().get()).as(where).isNotNull();
                case TRAIN -> assertThat(lab.run().getState()).as("%s: a run started", where)
                        .isNotEqualTo(org.bitcountlab.ui.state.CurrentRun.State.IDLE);
                case COMPARE -> assertThat(lab.history().selected()).as("%s: runs stopped before an epoch are not"
                        + " listed, so there is none to draw", where).isEmpty();
                case LENGTHS -> assertThat(viewModels.failures().lengthsProperty().get())
                        .as("%s: the model shown, counted at other lengths", where).isNotNull();
                case EVALUATE_ALL -> assertThat(lab.models().get().testError())
                        .as("%s: the model shown, scored on every test string", where).isNotNull();
                default -> { }
            }
        }
    }

    /** The last "set" of the card that starts with {@code field}, e.g. "cell=". */
    private static String lastSet(LessonCard card, String field) {
        return card.show().stream().filter(step -> step.action() == LessonStep.Action.SET)
                .map(LessonStep::value).filter(value -> value.startsWith(field)).reduce((a, b) -> b).orElseThrow();
    }

    private static String lastValue(LessonCard card, LessonStep.Action action) {
        return card.show().stream().filter(step -> step.action() == action).reduce((a, b) -> b).orElseThrow().value();
    }

    static {
        Messages.setLanguage(Locale.ENGLISH);
    }
}
