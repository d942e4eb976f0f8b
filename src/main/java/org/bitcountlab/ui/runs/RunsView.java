package org.bitcountlab.ui.runs;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Font;
import javafx.util.StringConverter;

import org.bitcountlab.core.sweep.SweepPoint;
import org.bitcountlab.core.sweep.SweepVariable;
import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.LocaleNumbers;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.TextWidth;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;
import org.bitcountlab.ui.state.RunRecord;

/** The runs tab: the session's run table, the selection drawn on the learning curve, the sweep. */
public final class RunsView {

    @FXML private TableView<RunRecord> runsTable;
    @FXML private SweepChart sweepChart;
    @FXML private ComboBox<SweepBase> sweepBaseChoice;
    @FXML private ComboBox<SweepVariable> sweepVariableChoice;
    @FXML private TextField sweepSizesField;
    @FXML private TextField sweepSeedsField;
    @FXML private TextField sweepEpochsField;
    @FXML private Button sweepButton;
    @FXML private Button stopSweepButton;
    @FXML private Button deleteRunsButton;
    @FXML private ProgressBar sweepProgressBar;
    @FXML private Label sweepAboutLabel;
    @FXML private Label sweepSettingsLabel;
    @FXML private Label sweepError;
    @FXML private Label sweepProgressLabel;

    private final RunsViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;
    private boolean syncingSelection;

    public RunsView(RunsViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        showRunTable();
        showSweepControls();
        showSweep();
    }

    private void showRunTable() {
        // sorted by the header clicked, over the session's runs as they come
        SortedList<RunRecord> sorted = new SortedList<>(viewModel.runs());
        sorted.comparatorProperty().bind(runsTable.comparatorProperty());
        runsTable.setItems(sorted);
        runsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsTable.getColumns().setAll(List.of(
                column("runs.number", RunRecord::number),
                column("runs.sweep", run -> run.sweep() == 0 ? null : run.sweep()),
                column("runs.cell", run -> Messages.get("runs.cell." + run.settings().cellType().id())),
                column("runs.hidden", run -> run.settings().hidden()),
                column("runs.batch", run -> run.settings().batchSize()),
                column("runs.learningRate", run -> run.settings().learningRate()),
                column("runs.decay", run -> run.settings().learningRateDecay()),
                column("runs.trainSize", run -> run.settings().trainSize()),
                column("runs.seed", run -> run.settings().seed()),
                column("runs.epochs", RunRecord::epochs),
                column("runs.time", run -> Formats.round(run.clockSeconds(), 1)),
                column("runs.heldOut", run -> Formats.round(run.heldOutError(), 3)),
                column("runs.test", run -> run.testError() == null ? null : Formats.round(run.testError(), 3))));
        // every column as wide as its title and its values; the table scrolls sideways where it must
        runsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        scope.listen(viewModel.runs(), (ListChangeListener<RunRecord>) change -> fitColumns());
        scope.follow(runsTable.skinProperty(), (obs, old, skin) -> Platform.runLater(this::fitColumns));
        scope.follow(presentation.onProperty(), (obs, old, on) -> Platform.runLater(this::fitColumns));
        runsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) change -> {
            if (!syncingSelection) {
                viewModel.selected().setAll(runsTable.getSelectionModel().getSelectedItems().stream()
                        .filter(Objects::nonNull).toList());
            }
        });
        scope.listen(viewModel.selected(), (ListChangeListener<RunRecord>) change -> showSelection());
        showSelection();
        deleteRunsButton.disableProperty().bind(runsTable.getSelectionModel().selectedItemProperty().isNull());
    }

    private void showSweepControls() {
        sweepBaseChoice.getItems().setAll(SweepBase.choices());
        sweepBaseChoice.setConverter(converter(SweepBase::label));
        sweepBaseChoice.valueProperty().bindBidirectional(viewModel.form().baseProperty());
        sweepVariableChoice.getItems().setAll(SweepVariable.values());
        sweepVariableChoice.setConverter(converter(SweepForm::variableName));
        sweepVariableChoice.valueProperty().bindBidirectional(viewModel.form().variableProperty());
        sweepSizesField.textProperty().bindBidirectional(viewModel.form().valuesTextProperty());
        sweepSeedsField.textProperty().bindBidirectional(viewModel.form().seedsTextProperty());
        sweepEpochsField.textProperty().bindBidirectional(viewModel.form().epochsTextProperty());
        sweepButton.disableProperty().bind(viewModel.canSweepProperty().not());
        stopSweepButton.disableProperty().bind(viewModel.sweepingProperty().not());
        sweepProgressBar.visibleProperty().bind(viewModel.sweepingProperty());
        sweepProgressBar.progressProperty().bind(viewModel.sweepFractionProperty());
        scope.follow(viewModel.form().baseProperty(), (obs, old, now) -> sweepAboutLabel.setText(now.about().text()));
        scope.follow(viewModel.form().problemProperty(), (obs, old, now) -> {
            sweepError.setText(now == null ? "" : now.text());
            sweepError.setManaged(now != null);
        });
        scope.follow(viewModel.planSettingsProperty(), (obs, old, now) -> {
            sweepSettingsLabel.setText(now == null ? "" : now.text());
            sweepSettingsLabel.setManaged(now != null);
            sweepSettingsLabel.setVisible(now != null);
        });
        scope.follow(viewModel.sweepProgressProperty(),
                (obs, old, now) -> sweepProgressLabel.setText(now == null ? "" : now.text()));
    }

    private void showSweep() {
        sweepChart.textSizeProperty().bind(presentation.canvasTextSize());
        scope.follow(viewModel.shownPlanProperty(), (obs, old, now) -> showSweepChart());
        scope.listen(viewModel.points(), (ListChangeListener<SweepPoint>) change -> showSweepChart());
        scope.listen(viewModel.sweepingProperty(), (obs, old, now) -> showSweepChart());
    }

    private void showSweepChart() {
        sweepChart.show(viewModel.shownPlanProperty().get(), viewModel.points(), viewModel.sweepingProperty().get());
    }

    private static <T> StringConverter<T> converter(Function<T, Message> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value).text();
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("the choice is not editable");
            }
        };
    }

    private static <T> TableColumn<RunRecord, T> column(String titleKey, Function<RunRecord, T> value) {
        TableColumn<RunRecord, T> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(true);
        // numbers as the window writes them everywhere: in the format locale, grouped
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof Number n ? number(n) : item.toString());
            }
        });
        return column;
    }

    /** Each column as wide as the widest of its title and its values, in the table's font now, with room for the sort mark. */
    private void fitColumns() {
        Font font = runsTable.lookup(".column-header .label") instanceof Labeled header ? header.getFont() : Font.getDefault();
        for (TableColumn<RunRecord, ?> column : runsTable.getColumns()) {
            double widest = TextWidth.of(font, column.getText());
            for (RunRecord run : runsTable.getItems()) {
                Object value = column.getCellObservableValue(run).getValue();
                widest = Math.max(widest, TextWidth.of(font,
                        value == null ? "" : value instanceof Number n ? number(n) : value.toString()));
            }
            column.setPrefWidth(Math.ceil(widest + font.getSize() * 2.2));
        }
    }

    private static String number(Number value) {
        return value instanceof Double d ? LocaleNumbers.formatDecimal(d) : LocaleNumbers.formatInteger(value.longValue());
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

    @FXML
    private void runSweep() {
        viewModel.sweep();
    }

    @FXML
    private void stopSweep() {
        viewModel.stop();
    }

    @FXML
    private void deleteRuns() {
        viewModel.delete(List.copyOf(runsTable.getSelectionModel().getSelectedItems()));
    }
}
