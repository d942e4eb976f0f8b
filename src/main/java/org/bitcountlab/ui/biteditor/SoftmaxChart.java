package org.bitcountlab.ui.biteditor;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import org.bitcountlab.core.model.Prediction;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.controls.TickLabels;
import org.bitcountlab.ui.state.CurrentString;

/**
 * The model's softmax over the counts as 21 bars; the predicted count is highlighted and the true
 * count outlined. Bars are updated in place, never rebuilt, so redrawing costs next to nothing.
 */
public final class SoftmaxChart extends BarChart<String, Number> {

    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private final int classes;

    public SoftmaxChart() {
        this(CurrentString.LENGTH + 1);
    }

    public SoftmaxChart(int classes) {
        super(new CategoryAxis(), new NumberAxis(0, 1, 0.25));
        this.classes = classes;
        getStyleClass().add("softmax-chart");
        TickLabels.keepApart(this);
        setAnimated(false);
        setLegendVisible(false);
        setBarGap(1);
        setCategoryGap(4);
        getXAxis().setLabel(Messages.get("softmax.x"));
        getYAxis().setLabel(Messages.get("softmax.y"));
        setTitle(Messages.get("softmax.title"));
        for (int k = 0; k < classes; k++) {
            series.getData().add(new XYChart.Data<>(Integer.toString(k), 0));
        }
        ((CategoryAxis) getXAxis()).setCategories(FXCollections.observableArrayList(
                series.getData().stream().map(XYChart.Data::getXValue).toList()));
        getData().add(series);
    }

    public void show(Prediction prediction) {
        for (int k = 0; k < classes; k++) {
            XYChart.Data<String, Number> bar = series.getData().get(k);
            bar.setYValue(prediction == null ? 0 : prediction.probability(k));
            Node node = bar.getNode();
            if (node != null) {
                node.getStyleClass().removeAll("predicted", "true-count");
                if (prediction != null && k == prediction.predictedCount()) {
                    node.getStyleClass().add("predicted");
                }
                if (prediction != null && k == prediction.trueCount()) {
                    node.getStyleClass().add("true-count");
                }
            }
        }
    }
}
