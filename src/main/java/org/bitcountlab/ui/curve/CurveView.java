package org.bitcountlab.ui.curve;

import java.io.File;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.controls.TickLabels;
import org.bitcountlab.ui.state.Presentation;
import org.bitcountlab.ui.state.RunRecord;

/** The learning-curve tab: held-out error and training loss per epoch, the overlays and the export buttons. */
public final class CurveView {

    @FXML private HBox chartTools;
    @FXML private CheckBox logScaleCheck;
    @FXML private CheckBox smoothCheck;
    @FXML private Label chartReadout;
    @FXML private Label headlineLabel;
    @FXML private Label silencedLabel;
    @FXML private Label headlineCaption;
    @FXML private BorderPane chartArea;
    @FXML private GridPane headlineBox;
    @FXML private Label testHeadlineLabel;
    @FXML private LineChart<Number, Number> errorChart;
    @FXML private NumberAxis errorEpochAxis;
    @FXML private NumberAxis errorAxis;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private NumberAxis lossEpochAxis;
    @FXML private NumberAxis lossAxis;

    private final CurveViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;
    private XYChart.Series<Number, Number> lossSeries = new XYChart.Series<>();
    private ErrorCurvePlot plot;

    public CurveView(CurveViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        plot = new ErrorCurvePlot(errorChart, errorAxis, chartReadout);
        TickLabels.keepApart(errorChart);
        TickLabels.keepApart(lossChart);
        logScaleCheck.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
        smoothCheck.selectedProperty().bindBidirectional(viewModel.smoothProperty());
        plot.logScaleProperty().bind(viewModel.logScaleProperty());
        plot.smoothProperty().bind(viewModel.smoothProperty());
        lossSeries.setName(Messages.get("chart.loss.series"));
        lossChart.getData().add(lossSeries);
        lossChart.setTitle(Messages.get("chart.loss.title"));
        // a click on the chart gives it the keyboard (Space then trains and pauses); consumed, or the
        // tab pane around it would take the focus back
        errorChart.setOnMousePressed(event -> {
            errorChart.requestFocus();
            event.consume();
        });

        scope.listen(viewModel.curve(), (ListChangeListener<EpochResult>) this::curveChanged);
        showCurve(viewModel.curve());
        scope.listen(viewModel.overlays(), (ListChangeListener<RunRecord>) change -> showOverlays());
        showOverlays();
        scope.follow(viewModel.epochSpanProperty(), (obs, old, now) -> setEpochSpan());
        scope.follow(viewModel.errorTitleProperty(), (obs, old, now) -> errorChart.setTitle(now.text()));
        scope.follow(viewModel.heldOutSampleProperty(), (obs, old, now) ->
                errorChart.setAccessibleHelp(Messages.get("chart.error.tooltip", Formats.grouped(now.longValue()))));
        scope.follow(viewModel.silencedNoteProperty(), (obs, old, now) -> {
            silencedLabel.setText(text(now));
            silencedLabel.setVisible(now != null);
        });
        scope.follow(viewModel.headlineProperty(), (obs, old, now) -> headlineLabel.setText(text(now)));
        scope.follow(viewModel.testHeadlineProperty(), (obs, old, now) -> testHeadlineLabel.setText(text(now)));

        scope.follow(presentation.onProperty(), (obs, old, on) -> placeHeadline(on));
        lossChart.visibleProperty().bind(presentation.hides(Presentation.Part.LOSS_CHART).not());
        lossChart.managedProperty().bind(lossChart.visibleProperty());
        chartTools.visibleProperty().bind(presentation.hides(Presentation.Part.CHART_TOOLS).not());
        chartTools.managedProperty().bind(chartTools.visibleProperty());
    }

    /** Beside the charts, one figure under another; or, presenting, above them in one line. */
    private void placeHeadline(boolean across) {
        chartArea.setRight(null);
        chartArea.setTop(null);
        Label[] labels = {headlineCaption, headlineLabel, testHeadlineLabel, silencedLabel};
        for (int i = 0; i < labels.length; i++) {
            GridPane.setConstraints(labels[i], across ? i : 0, across ? 0 : i);
        }
        // in one line the caption keeps its words whole; the figures beside it wrap instead (a long
        // test-error note squeezed "Held-out error now" into a column of syllables)
        headlineCaption.setMinWidth(across ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
        headlineBox.pseudoClassStateChanged(ACROSS, across);
        if (across) {
            chartArea.setTop(headlineBox);
        } else {
            chartArea.setRight(headlineBox);
        }
    }

    private static final PseudoClass ACROSS = PseudoClass.getPseudoClass("across");

    private static String text(Message message) {
        return message == null ? "" : message.text();
    }

    private void curveChanged(ListChangeListener.Change<? extends EpochResult> change) {
        int added = 0;
        boolean appendOnly = true;
        while (change.next()) {
            appendOnly &= !change.wasRemoved() && !change.wasPermutated() && !change.wasUpdated();
            added += change.getAddedSize();
        }
        List<? extends EpochResult> all = change.getList();
        if (appendOnly && all.size() - added == plot.currentSize()) {
            for (EpochResult point : all.subList(all.size() - added, all.size())) {
                plot.appendCurrent(point);
                lossSeries.getData().add(new XYChart.Data<>(point.epoch(), point.meanLoss()));
            }
            scaleLossAxis();
        } else {
            showCurve(all);
        }
    }

    private void showCurve(List<? extends EpochResult> all) {
        plot.setCurrent(List.copyOf(all));
        // a new series, as the error chart's: JavaFX keeps drawing a line chart's line after its
        // series is emptied (Reset left the last run's loss on screen until the next run began)
        lossSeries = new XYChart.Series<>(lossSeries.getName(), FXCollections.observableArrayList(all.stream()
                .map(point -> new XYChart.Data<Number, Number>(point.epoch(), point.meanLoss())).toList()));
        lossChart.getData().setAll(lossSeries);
        scaleLossAxis();
    }

    /** From 0 to a round number above the highest loss; an empty chart spans an untrained network's loss. */
    private void scaleLossAxis() {
        double highest = viewModel.curve().stream().mapToDouble(EpochResult::meanLoss).max().orElse(3.0);
        double tick = AxisTicks.niceTick(highest, 5);
        lossAxis.setUpperBound(Math.max(tick, Math.ceil(highest / tick) * tick));
        lossAxis.setTickUnit(tick);
    }

    private void showOverlays() {
        plot.setOverlays(List.copyOf(viewModel.overlays()));
        setEpochSpan();
    }

    /** The epoch axis spans the whole run from the start, so the class sees how far there is to go. */
    private void setEpochSpan() {
        int longest = viewModel.overlays().stream().mapToInt(RunRecord::epochs).max().orElse(0);
        int span = Math.max(viewModel.epochSpanProperty().get(), longest);
        double tick = Math.max(1, AxisTicks.niceTick(span, 10));
        for (NumberAxis axis : new NumberAxis[] {errorEpochAxis, lossEpochAxis}) {
            axis.setUpperBound(Math.ceil(span / tick) * tick);
            axis.setTickUnit(tick);
        }
        plot.epochSpanChanged();
    }

    @FXML
    private void exportPng() {
        File file = chooser("chart.pngType", "*.png", "learning-curve.png").showSaveDialog(errorChart.getScene().getWindow());
        if (file != null) {
            viewModel.exportPng(SwingFXUtils.fromFXImage(errorChart.snapshot(null, null), null), file.toPath());
        }
    }

    @FXML
    private void exportCsv() {
        File file = chooser("chart.csvType", "*.csv", "learning-curves.csv").showSaveDialog(errorChart.getScene().getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    private static FileChooser chooser(String typeKey, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(typeKey), pattern));
        chooser.setInitialFileName(name);
        return chooser;
    }
}
