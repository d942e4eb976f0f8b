package org.bitcountlab.ui;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.core.training.Preset;

/** The main window's view: binds controls to the {@link MainViewModel} and forwards actions to it. */
public final class MainController {

    @FXML private BorderPane root;
    @FXML private ComboBox<Preset> presetChoice;
    @FXML private TextField hiddenField;
    @FXML private Label hiddenError;
    @FXML private TextField batchField;
    @FXML private Label batchError;
    @FXML private TextField epochsField;
    @FXML private Label epochsError;
    @FXML private TextField learningRateField;
    @FXML private Label learningRateError;
    @FXML private TextField trainSizeField;
    @FXML private Label trainSizeError;
    @FXML private TextField seedField;
    @FXML private Label seedError;
    @FXML private CheckBox shuffleCheck;
    @FXML private Button trainButton;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private Button evaluateAllButton;
    @FXML private ProgressBar trainingProgress;
    @FXML private ProgressBar evaluationProgress;
    @FXML private Label progressLabel;
    @FXML private Label etaLabel;
    @FXML private LineChart<Number, Number> errorChart;
    @FXML private NumberAxis errorEpochAxis;
    @FXML private NumberAxis lossEpochAxis;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private BitEditor bitEditor;
    @FXML private Label trueCountLabel;
    @FXML private Label predictedLabel;
    @FXML private Label modelLabel;
    @FXML private SoftmaxChart softmaxChart;
    @FXML private Label statusLabel;
    @FXML private ToggleButton presentationToggle;
    @FXML private ComboBox<Locale> languageChoice;
    @FXML private MenuButton hideMenu;
    @FXML private HBox chartTools;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private GridPane settingsGrid;
    @FXML private Label settingsTitle;
    @FXML private ErrorByCountChart errorByCountChart;
    @FXML private ConfusionView confusionView;
    @FXML private LengthChart lengthChart;
    @FXML private Button lengthsButton;
    @FXML private TableView<RunRecord> runsTable;
    @FXML private LineChart<Number, Number> sweepChart;
    @FXML private TextField sweepSizesField;
    @FXML private TextField sweepEpochsField;
    @FXML private Button sweepButton;
    @FXML private Button deleteRunsButton;
    @FXML private Label sweepError;

    @FXML private StepView stepView;
    @FXML private CheckBox cellStateCheck;
    @FXML private VBox settingsPanel;
    @FXML private HBox bitsPanel;
    private Rectangle2D windowedBounds;

    private final MainViewModel viewModel;
    @FXML private NumberAxis errorAxis;
    @FXML private CheckBox logScaleCheck;
    @FXML private CheckBox smoothCheck;
    @FXML private Label chartReadout;
    private final XYChart.Series<Number, Number> lossSeries = new XYChart.Series<>();
    private ErrorCurvePlot errorPlot;

    public MainController(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindSettings();
        bindTraining();
        bindCharts();
        bindBits();
        bindPresentationAndKeys();
        bindRuns();
        bindLanguage();
    }

    /** English or Simplified Chinese; switching rebuilds the window on the same view model. */
    private void bindLanguage() {
        languageChoice.getItems().setAll(Messages.LANGUAGES);
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        languageChoice.setValue(Messages.language());
        languageChoice.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(old) && root.getScene() != null
                    && root.getScene().getWindow() instanceof Stage stage) {
                Locale.setDefault(now);
                try {
                    stage.setScene(DesktopApp.createScene(viewModel));
                } catch (IOException e) {
                    viewModel.session().report(e.getMessage());
                }
            }
        });
    }

    private void bindRuns() {
        runsTable.setItems(viewModel.runs());
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsTable.getColumns().setAll(List.of(
                column(Messages.get("runs.number"), RunRecord::number),
                column(Messages.get("runs.hidden"), r -> r.settings().hidden()),
                column(Messages.get("runs.batch"), r -> r.settings().batchSize()),
                column(Messages.get("runs.learningRate"), r -> r.settings().learningRate()),
                column(Messages.get("settings.epochs"), RunRecord::epochs),
                column(Messages.get("runs.time"), r -> round(r.trainSeconds(), 1)),
                column(Messages.get("runs.heldOut"), r -> round(r.heldOutError(), 3)),
                column(Messages.get("runs.test"), r -> r.testError() == null ? null : round(r.testError(), 3))));
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runsTable.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<RunRecord>) change -> showOverlays());
        viewModel.runs().addListener((ListChangeListener<RunRecord>) change -> {
            showOverlays();
            showSweeps();
        });
        deleteRunsButton.disableProperty().bind(runsTable.getSelectionModel().selectedItemProperty().isNull());
        sweepButton.disableProperty().bind(viewModel.canTrainProperty().not());
        sweepChart.setTitle(Messages.get("sweep.title"));
    }

    private static <T> TableColumn<RunRecord, T> column(String title,
            Function<RunRecord, T> value) {
        TableColumn<RunRecord, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The selected runs' curves drawn over the current one, each named in the legend. */
    private void showOverlays() {
        List<RunRecord> selected = runsTable.getSelectionModel().getSelectedItems().stream()
                .filter(Objects::nonNull).toList();
        errorPlot.setOverlays(selected);
        int longest = selected.stream().mapToInt(RunRecord::epochs).max().orElse(0);
        if (longest > errorEpochAxis.getUpperBound()) {
            setEpochRange(longest);
        }
    }

    /** Final held-out error against hidden size, one line per sweep. */
    private void showSweeps() {
        Map<Integer, XYChart.Series<Number, Number>> bySweep = new TreeMap<>();
        for (RunRecord run : viewModel.runs()) {
            if (run.sweep() > 0) {
                bySweep.computeIfAbsent(run.sweep(), n -> {
                    XYChart.Series<Number, Number> series = new XYChart.Series<>();
                    series.setName(Messages.get("sweep.series", n));
                    return series;
                }).getData().add(new XYChart.Data<>(run.settings().hidden(), run.heldOutError()));
            }
        }
        bySweep.values().forEach(series -> series.getData().sort(
                Comparator.comparingDouble(d -> d.getXValue().doubleValue())));
        sweepChart.getData().setAll(bySweep.values());
    }

    @FXML
    private void runSweep() {
        List<Integer> sizes = new ArrayList<>();
        int epochs;
        try {
            for (String part : sweepSizesField.getText().split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    int size = Integer.parseInt(part.trim());
                    if (size < 1 || size > 512) {
                        throw new NumberFormatException(part);
                    }
                    sizes.add(size);
                }
            }
            epochs = Integer.parseInt(sweepEpochsField.getText().trim());
            if (sizes.isEmpty() || epochs < 1 || epochs > 100_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            sweepError.setText(Messages.get("sweep.invalid"));
            return;
        }
        sweepError.setText("");
        viewModel.sweep(sizes, epochs);
    }

    @FXML
    private void exportPng() {
        File file = chooser(Messages.get("chart.pngType"), "*.png", "learning-curve.png")
                .showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                errorPlot.exportPng(file);
                viewModel.session().report(Messages.get("status.exported", file.getName()));
            } catch (IOException e) {
                viewModel.session().report(Messages.get("status.exportFailed", e.getMessage()));
            }
        }
    }

    @FXML
    private void exportCsv() {
        File file = chooser(Messages.get("chart.csvType"), "*.csv", "learning-curves.csv")
                .showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.exportCurves(file.toPath());
        }
    }

    private static FileChooser chooser(String type, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type, pattern));
        chooser.setInitialFileName(name);
        return chooser;
    }

    @FXML
    private void tryOtherLengths() {
        viewModel.tryOtherLengths();
    }

    @FXML
    private void deleteRuns() {
        viewModel.runs().removeAll(List.copyOf(runsTable.getSelectionModel().getSelectedItems()));
    }

    private void bindPresentationAndKeys() {
        saveButton.disableProperty().bind(viewModel.session().trainedModelProperty().isNull());
        openButton.disableProperty().bind(viewModel.runningProperty());
        // presentation mode hides what a class does not need to see: the detailed settings, the
        // loss chart and the file and evaluation buttons
        // which controls presentation mode hides is the teacher's choice, all of them by default
        Map<String, List<Node>> hideable = new LinkedHashMap<>();
        hideable.put("presentation.hide.settings", List.of(settingsTitle, settingsGrid));
        hideable.put("presentation.hide.loss", List.of(lossChart));
        hideable.put("presentation.hide.chartTools", List.of(chartTools));
        hideable.put("presentation.hide.evaluate", List.of(evaluateAllButton));
        hideable.put("presentation.hide.files", List.of(openButton, saveButton, languageChoice));
        Runnable apply = () -> {
            boolean on = presentationToggle.isSelected();
            for (MenuItem item : hideMenu.getItems()) {
                boolean hide = on && ((CheckMenuItem) item).isSelected();
                for (Node node : hideable.get((String) item.getUserData())) {
                    node.setVisible(!hide);
                    node.setManaged(!hide);
                }
            }
        };
        for (String key : hideable.keySet()) {
            CheckMenuItem item = new CheckMenuItem(Messages.get(key));
            item.setUserData(key);
            item.setSelected(true);
            item.selectedProperty().addListener((obs, old, now) -> apply.run());
            hideMenu.getItems().add(item);
        }
        presentationToggle.selectedProperty().addListener((obs, old, on) -> {
            root.getStyleClass().remove("presentation");
            if (on) {
                root.getStyleClass().add("presentation");
            }
            apply.run();
            // the softmax is what the class looks at: it takes the space the settings leave
            if (on) {
                bitsPanel.getChildren().remove(softmaxChart);
                settingsPanel.getChildren().add(softmaxChart);
                VBox.setVgrow(softmaxChart, Priority.ALWAYS);
            } else {
                settingsPanel.getChildren().remove(softmaxChart);
                bitsPanel.getChildren().add(softmaxChart);
            }
            if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
                fillScreen(stage, on);
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
            }
        });
    }

    /** Full screen; where the window system does not do full screen, at least the whole screen. */
    private void fillScreen(Stage stage, boolean on) {
        if (on) {
            windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            Rectangle2D screen = Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (windowedBounds != null) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
        }
    }

    /**
     * Keyboard control for a teacher at a projector: Space trains or pauses, the digit row flips
     * bits 1-10 (with Shift 11-20), arrows move between bits (Space then flips the focused bit),
     * F5 switches presentation mode, Ctrl+S and Ctrl+O save and open.
     */
    private void keyPressed(KeyEvent event) {
        Node focused = root.getScene().getFocusOwner();
        if (event.getCode() == KeyCode.F5) {
            presentationToggle.setSelected(!presentationToggle.isSelected());
            event.consume();
            return;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.S) {
            saveModel();
            event.consume();
            return;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.O) {
            openModel();
            event.consume();
            return;
        }
        if (focused instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        int bitFocused = bitIndex(focused);
        KeyCode code = event.getCode();
        if (code == KeyCode.SPACE && bitFocused < 0) {
            if (viewModel.runningProperty().get()) {
                viewModel.togglePause();
            } else {
                viewModel.train();
            }
            event.consume();
        } else if (code.isDigitKey()) {
            int digit = code.getCode() - (code.isKeypadKey() ? KeyCode.NUMPAD0.getCode() : KeyCode.DIGIT0.getCode());
            int bit = (digit == 0 ? 10 : digit) - 1 + (event.isShiftDown() ? 10 : 0);
            viewModel.bits().flip(bit);
            event.consume();
        } else if ((code == KeyCode.LEFT || code == KeyCode.RIGHT) && bitFocused >= 0) {
            int next = Math.floorMod(bitFocused + (code == KeyCode.LEFT ? -1 : 1), BitEditorModel.LENGTH);
            bitEditor.button(next).requestFocus();
            event.consume();
        }
    }

    private int bitIndex(Node node) {
        for (int i = 0; i < BitEditorModel.LENGTH; i++) {
            if (bitEditor.button(i) == node) {
                return i;
            }
        }
        return -1;
    }

    @FXML
    private void saveModel() {
        if (!viewModel.hasModelToSave()) {
            return;
        }
        FileChooser chooser = modelChooser();
        chooser.setInitialFileName("model" + ModelFile.EXTENSION);
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.saveModel(file.toPath());
        }
    }

    @FXML
    private void openModel() {
        File file = modelChooser().showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.openModel(file.toPath());
        }
    }

    private static FileChooser modelChooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("model.fileType"), "*.zip"));
        return chooser;
    }

    private void bindSettings() {
        SettingsForm form = viewModel.settings();
        presetChoice.getItems().setAll(Preset.values());
        StringConverter<Preset> names = new StringConverter<>() {
            @Override
            public String toString(Preset preset) {
                return preset == null ? "" : Messages.get("settings.preset." + preset.id());
            }

            @Override
            public Preset fromString(String text) {
                return null;
            }
        };
        presetChoice.setConverter(names);
        presetChoice.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Preset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : names.toString(item));
            }
        });
        presetChoice.valueProperty().bindBidirectional(form.presetProperty());
        bindField(hiddenField, hiddenError, form.hidden());
        bindField(batchField, batchError, form.batch());
        bindField(epochsField, epochsError, form.epochs());
        bindField(learningRateField, learningRateError, form.learningRate());
        bindField(trainSizeField, trainSizeError, form.trainSize());
        bindField(seedField, seedError, form.seed());
        shuffleCheck.selectedProperty().bindBidirectional(form.shuffleProperty());
    }

    private static void bindField(TextField field, Label error, SettingsForm.Field model) {
        field.textProperty().bindBidirectional(model.textProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.errorProperty().addListener((obs, old, now) -> markInvalid(field, !now.isEmpty()));
        markInvalid(field, !model.isValid());
    }

    private static void markInvalid(TextField field, boolean invalid) {
        field.getStyleClass().remove("invalid");
        if (invalid) {
            field.getStyleClass().add("invalid");
        }
    }

    private void bindTraining() {
        TrainingSession session = viewModel.session();
        trainButton.disableProperty().bind(viewModel.canTrainProperty().not());
        pauseButton.disableProperty().bind(viewModel.runningProperty().not());
        pauseButton.textProperty().bind(Bindings.when(session.stateProperty().isEqualTo(TrainingSession.State.PAUSED))
                .then(Messages.get("training.resume")).otherwise(Messages.get("training.pause")));
        stopButton.disableProperty().bind(viewModel.runningProperty().not().and(session.evaluatingProperty().not()));
        evaluateAllButton.disableProperty().bind(session.parametersProperty().isNull()
                .or(viewModel.runningProperty()).or(session.evaluatingProperty()));
        trainingProgress.progressProperty().bind(session.progressProperty());
        progressLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var settings = session.settingsProperty().get();
            return settings == null ? "" : Messages.get("progress.epochs", session.curve().size(), settings.epochs());
        }, session.progressProperty(), session.settingsProperty(), session.stateProperty()));
        etaLabel.textProperty().bind(session.etaProperty());
        evaluationProgress.progressProperty().bind(session.evaluationProgressProperty());
        evaluationProgress.visibleProperty().bind(session.evaluatingProperty());
        evaluationProgress.managedProperty().bind(session.evaluatingProperty());
        statusLabel.textProperty().bind(session.statusProperty());
    }

    private void bindCharts() {
        lossSeries.setName(Messages.get("chart.loss.series"));
        lossChart.getData().add(lossSeries);
        lossChart.setTitle(Messages.get("chart.loss.title"));
        errorPlot = new ErrorCurvePlot(errorChart, errorAxis, chartReadout);
        logScaleCheck.selectedProperty().bindBidirectional(errorPlot.logScaleProperty());
        smoothCheck.selectedProperty().bindBidirectional(errorPlot.smoothProperty());
        TrainingSession session = viewModel.session();
        errorChart.titleProperty().bind(Bindings.createStringBinding(() -> {
            var settings = session.settingsProperty().get();
            int sample = settings == null ? viewModel.settings().settingsOrDefault().evalSample() : settings.evalSample();
            return Messages.get("chart.error.title", String.format(Locale.getDefault(), "%,d", sample));
        }, session.settingsProperty()));
        Tooltip.install(errorChart, new Tooltip(Messages.get("chart.error.tooltip",
                String.format(Locale.getDefault(), "%,d", viewModel.settings().settingsOrDefault().evalSample()))));
        Tooltip.install(softmaxChart, new Tooltip(Messages.get("softmax.tooltip")));
        // the epoch axis spans the whole run from the start, so the class sees how far there is to go
        session.settingsProperty().addListener((obs, old, now) -> setEpochRange(now == null ? 25 : now.epochs()));
        viewModel.settings().epochs().textProperty().addListener((obs, old, now) -> {
            if (!viewModel.runningProperty().get()) {
                setEpochRange(viewModel.settings().plannedEpochs());
            }
        });
        session.curve().addListener((ListChangeListener<EpochResult>) change -> {
            int added = 0;
            boolean appendOnly = true;
            while (change.next()) {
                appendOnly &= !change.wasRemoved() && !change.wasPermutated() && !change.wasUpdated();
                added += change.getAddedSize();
            }
            List<EpochResult> all = List.copyOf(change.getList());
            if (appendOnly && all.size() - added == errorPlot.currentSize()) {
                for (EpochResult r : all.subList(all.size() - added, all.size())) {
                    errorPlot.appendCurrent(r);
                    lossSeries.getData().add(new XYChart.Data<>(r.epoch(), r.meanLoss()));
                }
            } else {
                errorPlot.setCurrent(all);
                lossSeries.getData().setAll(all.stream()
                        .map(r -> new XYChart.Data<Number, Number>(r.epoch(), r.meanLoss())).toList());
            }
        });
    }

    private void setEpochRange(int epochs) {
        double tick = niceTick(epochs);
        for (NumberAxis axis : new NumberAxis[] {errorEpochAxis, lossEpochAxis}) {
            axis.setUpperBound(Math.ceil(epochs / tick) * tick);
            axis.setTickUnit(tick);
        }
    }

    /** A tick spacing of 1, 2 or 5 times a power of ten giving at most about ten ticks. */
    private static double niceTick(int range) {
        double raw = Math.max(1, range / 10.0);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= raw) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private void bindBits() {
        BitEditorModel bits = viewModel.bits();
        bitEditor.valueProperty().bindBidirectional(bits.valueProperty());
        trueCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("bits.trueCount", bits.trueCountProperty().get()), bits.trueCountProperty()));
        modelLabel.textProperty().bind(viewModel.modelDescriptionProperty());
        bits.predictionProperty().addListener((obs, old, now) -> showPrediction(now));
        showPrediction(bits.getPrediction());
        bits.traceProperty().addListener((obs, old, now) -> stepView.show(now));
        stepView.showCellProperty().bind(cellStateCheck.selectedProperty());
        stepView.show(bits.traceProperty().get());
        TrainingSession session = viewModel.session();
        session.failuresProperty().addListener((obs, old, now) -> {
            errorByCountChart.show(now, session.failuresMeasuredOnProperty().get());
            confusionView.show(now);
        });
        lengthsButton.disableProperty().bind(viewModel.measuringLengthsProperty().or(viewModel.runningProperty()));
        viewModel.lengthsProperty().addListener((obs, old, now) -> lengthChart.show(now, BitEditorModel.LENGTH));
    }

    private void showPrediction(Prediction prediction) {
        softmaxChart.show(prediction);
        predictedLabel.getStyleClass().removeAll("correct", "wrong");
        if (prediction == null) {
            predictedLabel.setText("");
            return;
        }
        int count = prediction.predictedCount();
        predictedLabel.setText(Messages.get("bits.predicted", count,
                String.format(Locale.getDefault(), "%.1f", 100 * prediction.probability(count))));
        predictedLabel.getStyleClass().add(prediction.correct() ? "correct" : "wrong");
    }

    @FXML
    private void train() {
        viewModel.train();
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    @FXML
    private void reset() {
        viewModel.reset();
    }

    @FXML
    private void evaluateAll() {
        viewModel.evaluateAll();
    }

    @FXML
    private void allZero() {
        viewModel.bits().allZero();
    }

    @FXML
    private void allOne() {
        viewModel.bits().allOne();
    }

    @FXML
    private void randomBits() {
        viewModel.bits().randomise();
    }

    @FXML
    private void tutorialExample() {
        viewModel.bits().tutorialExample();
    }
}
