package org.bitcountlab.ui.failures;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import org.bitcountlab.core.training.Evaluation;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;

/** Where the model fails: error in percent for each true count, 0..L. */
public final class ErrorByCountChart extends BarChart<String, Number> {

    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public ErrorByCountChart() {
        super(new CategoryAxis(), new NumberAxis());
        getStyleClass().add("error-by-count-chart");
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(4);
        getXAxis().setLabel(Messages.get("softmax.x"));
        getYAxis().setLabel(Messages.get("chart.error.y"));
        setTitle(Messages.get("failures.title.none"));
        getData().add(series);
    }

    public void show(Evaluation evaluation, Message measuredOn) {
        series.getData().clear();
        if (evaluation == null) {
            setTitle(Messages.get("failures.title.none"));
            return;
        }
        for (int k = 0; k <= evaluation.length(); k++) {
            double error = evaluation.errorPercentForCount(k);
            series.getData().add(new XYChart.Data<>(Integer.toString(k), Double.isNaN(error) ? 0 : error));
        }
        setTitle(Messages.get("failures.title", measuredOn.text(), evaluation.errorPercent()));
    }

    public int barCount() {
        return series.getData().size();
    }
}
