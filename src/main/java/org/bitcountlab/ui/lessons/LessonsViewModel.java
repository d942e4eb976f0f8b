package org.bitcountlab.ui.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;

import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.CurrentString;
import org.bitcountlab.ui.state.StatusLine;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * The lesson a class follows: the three that come with the app, or one a teacher wrote and opened,
 * the card in front, and its "Show me", which sets the window up step by step and waits where a
 * step says to, until the class has seen the result.
 */
public final class LessonsViewModel {

    /** The built-in lessons, in the order a course takes them. */
    static final List<String> BUILT_IN = List.of("1-watch-it-learn", "2-too-little-too-much", "3-why-an-lstm");

    /** What the window does for a lesson's steps; the view models of each feature do it. */
    public interface Window {
        void run(LessonStep step);

        /** True while what a "wait" step names is still going: a run, a sweep, an evaluation, the lengths. */
        ObservableBooleanValue busyWith(String what);
    }

    private final Window window;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final List<Lesson> builtIn;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper card = new ReadOnlyIntegerWrapper(this, "card", 0);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoOn;
    private Deque<LessonStep> pending = new ArrayDeque<>();

    public LessonsViewModel(Window window, TaskExecutor tasks, StatusLine status) {
        this.window = window;
        this.tasks = tasks;
        this.status = status;
        this.builtIn = loadBuiltIn();
        canGoBack = Bindings.createBooleanBinding(() -> lesson.get() != null && card.get() > 0, lesson, card);
        canGoOn = Bindings.createBooleanBinding(
                () -> lesson.get() != null && card.get() < lesson.get().cards().size() - 1, lesson, card);
    }

    private static List<Lesson> loadBuiltIn() {
        LessonFile reader = new LessonFile(CurrentString.LENGTH);
        List<Lesson> lessons = new ArrayList<>();
        for (String name : BUILT_IN) {
            String resource = "/org/bitcountlab/lessons/" + name + LessonFile.EXTENSION;
            try (InputStream in = LessonsViewModel.class.getResourceAsStream(resource)) {
                lessons.add(reader.read(in.readAllBytes(), name + LessonFile.EXTENSION));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LessonFileException e) {
                throw new IllegalStateException("a built-in lesson is broken: " + e.getMessage(), e);
            }
        }
        return List.copyOf(lessons);
    }

    public List<Lesson> builtIn() {
        return builtIn;
    }

    /** Starts a lesson at its first card. */
    public void start(Lesson chosen) {
        stopShowing();
        lesson.set(chosen);
        card.set(0);
    }

    /** Reads a teacher's lesson file in the background and starts it; a refused file is explained. */
    public void open(Path file) {
        Message what = new Message("task.openLesson", file.getFileName().toString());
        tasks.submit(what, job -> new LessonFile(CurrentString.LENGTH).read(file), this::start, error -> {
            String why = FailureLog.reason(error);
            status.show("status.lessonRefused", why);
            problem.set(new Message("status.lessonRefused", why));
        });
    }

    public void close() {
        stopShowing();
        lesson.set(null);
    }

    public void next() {
        if (canGoOn.get()) {
            stopShowing();
            card.set(card.get() + 1);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            stopShowing();
            card.set(card.get() - 1);
        }
    }

    /** Sets the window up as the card says, step by step; a "wait" holds the rest until its work is done. */
    public void showMe() {
        LessonCard shown = currentCard();
        if (shown == null || showing.get()) {
            return;
        }
        pending = new ArrayDeque<>(shown.show());
        showing.set(true);
        runPending();
    }

    private void runPending() {
        Deque<LessonStep> steps = pending;
        while (!steps.isEmpty() && steps == pending) {
            LessonStep step = steps.poll();
            if (step.action() == LessonStep.Action.WAIT) {
                ObservableBooleanValue busy = window.busyWith(step.value());
                if (busy.get()) {
                    busy.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                        @Override
                        public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was,
                                Boolean now) {
                            if (!now) {
                                busy.removeListener(this);
                                // after the work that ended has finished its hand-over (a run's
                                // trained model is shown just after it stops running): the next
                                // step, say Evaluate all, must find that model
                                tasks.deliver(() -> {
                                    if (steps == pending) {
                                        runPending();
                                    }
                                });
                            }
                        }
                    });
                    return;
                }
            } else {
                window.run(step);
            }
        }
        if (steps == pending) {
            showing.set(false);
        }
    }

    /** Forgets a "Show me" in progress: the class moved on before it ended. */
    private void stopShowing() {
        pending = new ArrayDeque<>();
        showing.set(false);
    }

    /** The card in front, or null when no lesson is open. */
    public LessonCard currentCard() {
        return lesson.get() == null ? null : lesson.get().cards().get(card.get());
    }

    /** The lesson open, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The card in front, from 0. */
    public ReadOnlyIntegerProperty cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** True while "Show me" is setting the window up or waiting for the class to see the result. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoOnProperty() {
        return canGoOn;
    }

    /** The last lesson file refused, for a dialog; the view shows it and calls {@link #problemShown()}. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void problemShown() {
        problem.set(null);
    }
}
