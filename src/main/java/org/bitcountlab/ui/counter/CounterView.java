package org.bitcountlab.ui.counter;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.bitcountlab.core.inspect.CountReadout;
import org.bitcountlab.core.inspect.UnitCount;
import org.bitcountlab.core.model.SilencedUnits;
import org.bitcountlab.ui.common.FocusInView;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.common.WhenShown;
import org.bitcountlab.ui.controls.TickLabels;
import org.bitcountlab.ui.state.Presentation;

/** The "where the counter lives" tab: read-out quality, the counting units, one unit's state, silencing. */
public final class CounterView {

    @FXML private VBox counterPane;
    @FXML private Label summaryLabel;
    @FXML private Label ablationLabel;
    @FXML private Button restoreButton;
    @FXML private LineChart<Number, Number> rSquaredChart;
    @FXML private BarChart<String, Number> unitChart;
    @FXML private FlowPane silenceToggles;
    @FXML private CheckBox scatterCellCheck;
    @FXML private UnitScatterView scatterView;
    @FXML private Label captionLabel;

    private boolean revealNextFigure;
    private final CounterViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;

    public CounterView(CounterViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        // the teacher says it in class: presentation mode gives its room to the charts
        captionLabel.visibleProperty().bind(presentation.onProperty().not());
        captionLabel.managedProperty().bind(captionLabel.visibleProperty());
        TickLabels.keepApart(rSquaredChart);
        TickLabels.keepApart(unitChart);
        rSquaredChart.setTitle(Messages.get("counter.rSquared.title"));
        unitChart.setTitle(Messages.get("counter.units.title"));
        scope.follow(viewModel.summaryProperty(), (obs, old, now) -> summaryLabel.setText(now.text()));
        scope.follow(viewModel.ablatedErrorProperty(), (obs, old, now) -> {
            ablationLabel.setText(text(now));
            if (now != null && revealNextFigure) {
                revealNextFigure = false;
                revealAblation(); // the figure arrives a moment after the click, and may take a second line
            }
        });
        // the read-out's two charts and a button per unit are made only while the tab shows
        WhenShown readoutRebuild = WhenShown.beforeLayout(counterPane, () -> showReadout(viewModel.readoutProperty().get()));
        scope.follow(viewModel.readoutProperty(), (obs, old, now) -> readoutRebuild.request());
        scope.follow(viewModel.silencedProperty(), (obs, old, now) -> {
            showSilenced(now);
            if (!now.isEmpty()) {
                revealAblation();
                revealNextFigure = true; // once: later figures (a run's epochs) leave the scrolling to the user
            }
        });
        scope.follow(viewModel.scatterProperty(), (obs, old, now) -> scatterView.show(now, scatterCellCheck.isSelected()));
        scatterCellCheck.selectedProperty().addListener((obs, old, cell) -> scatterView.show(viewModel.scatterProperty().get(), cell));
        restoreButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.silencedProperty().get().isEmpty(), viewModel.silencedProperty()));
        scatterView.textSizeProperty().bind(presentation.canvasTextSize());
    }

    /** What silencing cost, scrolled into view: under a lesson's card it sat below the fold. */
    private void revealAblation() {
        if (ablationLabel.getScene() != null) {
            ablationLabel.getScene().getRoot().applyCss();
            ablationLabel.getScene().getRoot().layout(); // the label's new size, before scrolling to it
        }
        FocusInView.reveal(ablationLabel);
    }

    private static String text(Message message) {
        return message == null ? "" : message.text();
    }

    private void showReadout(CountReadout readout) {
        rSquaredChart.getData().clear();
        unitChart.getData().clear();
        silenceToggles.getChildren().clear();
        if (readout == null) {
            return;
        }
        XYChart.Series<Number, Number> rSquared = new XYChart.Series<>();
        double[] byStep = readout.rSquaredByStep();
        for (int step = 0; step < byStep.length; step++) {
            rSquared.getData().add(new XYChart.Data<>(step + 1, byStep[step]));
        }
        rSquaredChart.getData().add(rSquared);
        XYChart.Series<String, Number> strength = new XYChart.Series<>();
        List<UnitCount> units = readout.units();
        for (UnitCount unit : units) {
            strength.getData().add(new XYChart.Data<>(Integer.toString(unit.unit() + 1), unit.strength()));
            ToggleButton toggle = new ToggleButton(Integer.toString(unit.unit() + 1));
            toggle.getStyleClass().add("unit-toggle");
            toggle.setAccessibleText(Messages.get("counter.silence.accessible", unit.unit() + 1));
            toggle.setTooltip(new Tooltip(Messages.get("counter.silence.tooltip", unit.unit() + 1,
                    unit.hiddenCorrelation(), unit.cellCorrelation())));
            toggle.setOnAction(event -> viewModel.toggleSilenced(unit.unit()));
            silenceToggles.getChildren().add(toggle);
        }
        // the units' numbers upright, every second or fifth where all do not fit, rather than turned on their side
        CategoryAxis unitAxis = (CategoryAxis) unitChart.getXAxis();
        unitAxis.setAutoRanging(false);
        // changed in place: a new list given to setCategories leaves the axis's ticks as they were
        unitAxis.getCategories().setAll(strength.getData().stream().map(XYChart.Data::getXValue).toList());
        unitChart.getData().add(strength);
        // a click on a unit's bar shows that unit's state against the count
        for (XYChart.Data<String, Number> bar : strength.getData()) {
            int unit = Integer.parseInt(bar.getXValue()) - 1;
            bar.getNode().setOnMouseClicked(event -> viewModel.chosenUnitProperty().set(unit));
            Tooltip.install(bar.getNode(), new Tooltip(Messages.get("counter.units.pick", unit + 1)));
        }
        showSilenced(viewModel.silencedProperty().get());
    }

    private void showSilenced(SilencedUnits silenced) {
        for (int unit = 0; unit < silenceToggles.getChildren().size(); unit++) {
            ((ToggleButton) silenceToggles.getChildren().get(unit)).setSelected(silenced.contains(unit));
        }
    }

    @FXML
    private void restoreAllUnits() {
        viewModel.restoreAllUnits();
    }
}
