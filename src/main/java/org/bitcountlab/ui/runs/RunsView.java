package org.bitcountlab.ui.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.RunRecord;

/** The runs tab: the session's run table, the selection drawn on the learning curve, the sweep. */
public final class RunsView {

    @FXML private TableView<RunRecord> runsTable;
    @FXML private LineChart<Number, Number> sweepChart;
    @FXML private TextField sweepSizesField;
    @FXML private TextField sweepEpochsField;
    @FXML private Button sweepButton;
    @FXML private Button deleteRunsButton;
    @FXML private Label sweepError;
    @FXML private Label sweepProgressLabel;

    private final RunsViewModel viewModel;
    private final ViewScope scope;
    private boolean syncingSelection;

    public RunsView(RunsViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        runsTable.setItems(viewModel.runs());
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsTable.getColumns().setAll(List.of(
                column("runs.number", RunRecord::number),
                column("runs.hidden", run -> run.settings().hidden()),
                column("runs.batch", run -> run.settings().batchSize()),
                column("runs.learningRate", run -> run.settings().learningRate()),
                column("runs.epochs", RunRecord::epochs),
                column("runs.time", run -> Formats.round(run.trainSeconds(), 1)),
                column("runs.heldOut", run -> Formats.round(run.heldOutError(), 3)),
                column("runs.test", run -> run.testError() == null ? null : Formats.round(run.testError(), 3))));
        runsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) change -> {
            if (!syncingSelection) {
                viewModel.selected().setAll(runsTable.getSelectionModel().getSelectedItems().stream()
                        .filter(Objects::nonNull).toList());
            }
        });
        scope.listen(viewModel.selected(), (ListChangeListener<RunRecord>) change -> showSelection());
        showSelection();
        scope.listen(viewModel.runs(), (ListChangeListener<RunRecord>) change -> showSweeps());
        showSweeps();
        deleteRunsButton.disableProperty().bind(runsTable.getSelectionModel().selectedItemProperty().isNull());
        sweepButton.disableProperty().bind(viewModel.canSweepProperty().not());
        sweepSizesField.textProperty().bindBidirectional(viewModel.sizesTextProperty());
        sweepEpochsField.textProperty().bindBidirectional(viewModel.epochsTextProperty());
        scope.follow(viewModel.problemProperty(), (obs, old, now) -> sweepError.setText(now == null ? "" : now.text()));
        scope.follow(viewModel.sweepProgressProperty(),
                (obs, old, now) -> sweepProgressLabel.setText(now == null ? "" : now.text()));
        sweepChart.setTitle(Messages.get("sweep.title"));
    }

    private static <T> TableColumn<RunRecord, T> column(String titleKey, Function<RunRecord, T> value) {
        TableColumn<RunRecord, T> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setMinWidth(56);
        return column;
    }

    /** The table shows the view model's selection (Reset clears it). */
    private void showSelection() {
        List<RunRecord> wanted = List.copyOf(viewModel.selected());
        if (wanted.equals(runsTable.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList())) {
            return;
        }
        syncingSelection = true;
        try {
            runsTable.getSelectionModel().clearSelection();
            wanted.forEach(runsTable.getSelectionModel()::select);
        } finally {
            syncingSelection = false;
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
                Comparator.comparingDouble(point -> point.getXValue().doubleValue())));
        sweepChart.getData().setAll(bySweep.values());
    }

    @FXML
    private void runSweep() {
        viewModel.sweep();
    }

    @FXML
    private void deleteRuns() {
        viewModel.delete(List.copyOf(runsTable.getSelectionModel().getSelectedItems()));
    }
}
