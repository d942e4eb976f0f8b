package org.bitcountlab.ui.state;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.bitcountlab.core.model.Nd4jRuntime;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.training.PretrainedModel;
import org.bitcountlab.core.training.TrainedModel;
import org.bitcountlab.core.training.TrainingListener;
import org.bitcountlab.core.training.TrainingRun;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.tasks.FxTaskExecutor;
import org.bitcountlab.ui.tasks.TaskExecutor;

/**
 * The state the window's views share, each piece owned by one object: the model shown, the run,
 * the session's runs, the string under study, the status line and presentation mode. View models
 * are given the pieces they need; views never talk to each other.
 */
public final class Lab {

    private final TaskExecutor tasks;
    private final StatusLine status = new StatusLine();
    private final CurrentModel models = new CurrentModel();
    private final RunHistory history = new RunHistory();
    private final Presentation presentation = new Presentation();
    private final CurrentRun run;
    private final ModelAnalysis analysis;
    private final CurrentString string = new CurrentString(models);
    private final ModelReadout readout;
    private final StringProperty shownTab = new SimpleStringProperty(this, "shownTab", "curve");
    private LabModel resting; // shown when no run is: the pretrained model, once loaded
    private volatile TrainingRun warmingUp;

    /** The window's lab: background work on the JavaFX task executor. */
    public Lab() {
        this(new FxTaskExecutor());
    }

    /** A lab whose background work goes through {@code tasks}; tests pass one they drive themselves. */
    public Lab(TaskExecutor tasks) {
        this.tasks = tasks;
        run = new CurrentRun(tasks, models, history, status, () -> this.resting, this::stopWarmingUp);
        analysis = new ModelAnalysis(models, tasks, status, history);
        readout = new ModelReadout(models, tasks, status);
    }

    /** Loads the pretrained model in the background; the window shows it as soon as it is there. */
    public void loadPretrained() {
        tasks.submit(new Message("task.pretrained"), job -> PretrainedModel.load(),
                model -> rest(models.create(LabModel.Origin.PRETRAINED, "", model)),
                error -> {
                    TrainingSettings settings = TrainingSettings.fast();
                    rest(models.create(LabModel.Origin.UNTRAINED, "", new TrainedModel(settings, java.util.List.of(), 0,
                            null, ParameterSnapshot.untrained(settings.length(), settings.hidden(), settings.seed()))));
                    status.show("status.noPretrained", FailureLog.reason(error));
                });
    }

    private void rest(LabModel model) {
        resting = model;
        if (models.get() == null) {
            models.show(model);
        }
    }

    /**
     * Loads ND4J's natives in the background so that the first Train does not wait for them.
     * Called once the window is up: loading them takes a core for a few seconds, which the
     * window's first frames should not have to share.
     */
    public void preloadNumerics() {
        Message what = new Message("task.numerics");
        TrainingRun warmUp = new TrainingRun(WARM_UP, new TrainingListener() { });
        warmingUp = warmUp;
        tasks.submit(what, job -> {
            Nd4jRuntime.initialise();
            warmUp.run();
            return null;
        }, done -> { }, error -> status.showFailure(what, error));
    }

    /**
     * A short run nobody sees, trained once the window is up: the JIT compiles the training and
     * scoring code then, not during the class's first run, whose first epochs were twice as slow as
     * the later ones and whose time left promised twice the time. Stopped when a run or sweep starts.
     */
    static final TrainingSettings WARM_UP = TrainingSettings.fast().withTrainSize(3_000).withEpochs(4)
            .withEvalSample(20_000);

    private void stopWarmingUp() {
        TrainingRun warmUp = warmingUp;
        if (warmUp != null) {
            warmUp.cancel();
        }
    }

    public void shutdown() {
        run.shutdown();
        analysis.cancelFullEvaluation();
    }

    /** The tab in front, by name (curve, runs, failures, inside, counter): a lesson may ask for one. */
    public StringProperty shownTab() {
        return shownTab;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public StatusLine status() {
        return status;
    }

    public CurrentModel models() {
        return models;
    }

    public RunHistory history() {
        return history;
    }

    public Presentation presentation() {
        return presentation;
    }

    public CurrentRun run() {
        return run;
    }

    public ModelAnalysis analysis() {
        return analysis;
    }

    public CurrentString string() {
        return string;
    }

    public ModelReadout readout() {
        return readout;
    }
}
