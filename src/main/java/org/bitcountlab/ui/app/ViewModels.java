package org.bitcountlab.ui.app;

import java.util.Map;

import org.bitcountlab.ui.biteditor.BitEditorViewModel;
import org.bitcountlab.ui.counter.CounterViewModel;
import org.bitcountlab.ui.curve.CurveViewModel;
import org.bitcountlab.ui.failures.FailuresViewModel;
import org.bitcountlab.ui.header.HeaderViewModel;
import org.bitcountlab.ui.lessons.LessonsViewModel;
import org.bitcountlab.ui.inside.InsideViewModel;
import org.bitcountlab.ui.runs.RunsViewModel;
import org.bitcountlab.ui.settings.SettingsViewModel;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.state.Presentation;
import org.bitcountlab.ui.status.StatusViewModel;
import org.bitcountlab.ui.training.TrainingViewModel;

/**
 * One view model per feature, made once for the life of the app. Views come and go (a language
 * switch rebuilds them); the view models, and so everything the window shows, stay.
 */
public final class ViewModels {

    private final Lab lab;
    private final SettingsViewModel settings = new SettingsViewModel();
    private final TrainingViewModel training;
    private final CurveViewModel curve;
    private final RunsViewModel runs;
    private final FailuresViewModel failures;
    private final InsideViewModel inside;
    private final CounterViewModel counter;
    private final BitEditorViewModel bits;
    private final HeaderViewModel header;
    private final StatusViewModel status;
    private final LessonsViewModel lessons;

    public ViewModels(Lab lab) {
        this.lab = lab;
        settings.lockWhile(lab.run().runningProperty().or(lab.run().sweepingProperty()));
        settings.notInUseWhile(lab.run().sweepingProperty());
        training = new TrainingViewModel(lab.run(), lab.analysis(), settings, lab.models(), lab.status());
        curve = new CurveViewModel(lab.run(), lab.history(), lab.models(), settings, lab.tasks(), lab.status());
        runs = new RunsViewModel(lab.run(), lab.history(), settings, lab.tasks(), lab.status());
        failures = new FailuresViewModel(lab.models(), lab.tasks(), lab.status());
        inside = new InsideViewModel(lab.string(), lab.readout());
        counter = new CounterViewModel(lab.readout(), lab.models(), lab.tasks(), lab.status());
        bits = new BitEditorViewModel(lab.string(), lab.models(), lab.run());
        header = new HeaderViewModel(lab.presentation(), lab.models(), lab.run(), lab.tasks(), lab.status());
        status = new StatusViewModel(lab.status());
        lessons = new LessonsViewModel(new LessonWindow(this), lab.tasks(), lab.status());
    }

    /** What a view's constructor may ask for, by type. */
    Map<Class<?>, Object> byType() {
        return Map.ofEntries(Map.entry(SettingsViewModel.class, settings), Map.entry(TrainingViewModel.class, training),
                Map.entry(CurveViewModel.class, curve), Map.entry(RunsViewModel.class, runs),
                Map.entry(FailuresViewModel.class, failures), Map.entry(InsideViewModel.class, inside),
                Map.entry(CounterViewModel.class, counter), Map.entry(BitEditorViewModel.class, bits),
                Map.entry(HeaderViewModel.class, header), Map.entry(StatusViewModel.class, status),
                Map.entry(LessonsViewModel.class, lessons), Map.entry(Lab.class, lab),
                Map.entry(Presentation.class, lab.presentation()));
    }

    public Lab lab() {
        return lab;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public TrainingViewModel training() {
        return training;
    }

    public CurveViewModel curve() {
        return curve;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public FailuresViewModel failures() {
        return failures;
    }

    public InsideViewModel inside() {
        return inside;
    }

    public CounterViewModel counter() {
        return counter;
    }

    public BitEditorViewModel bits() {
        return bits;
    }

    public HeaderViewModel header() {
        return header;
    }

    public StatusViewModel status() {
        return status;
    }

    public LessonsViewModel lessons() {
        return lessons;
    }
}
