package org.bitcountlab.ui.failures;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import org.bitcountlab.core.training.LengthGeneralisation;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.controls.AxisLabels;
import org.bitcountlab.ui.controls.TickLabels;

/** Error against string length for a model trained on one length. */
public final class LengthChart extends BarChart<String, Number> {

    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public LengthChart() {
        super(new CategoryAxis(), new NumberAxis(0, 100, 10));
        getStyleClass().add("length-chart");
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(3);
        getXAxis().setLabel(Messages.get("lengths.x"));
        AxisLabels.shortenWhenCramped(getYAxis(), Messages.get("chart.error.y"), "%");
        setTitle(Messages.get("lengths.title.none"));
        getData().add(series);
        TickLabels.keepApart(this);
    }

    /** @param model names the model measured */
    public void show(LengthGeneralisation.Result result, int trainedLength, Message model) {
        series.getData().clear();
        if (result == null) {
            setTitle(Messages.get("lengths.title.none"));
            return;
        }
        for (int i = 0; i < result.errorPercent().length; i++) {
            series.getData().add(new XYChart.Data<>(Integer.toString(result.fromLength() + i), result.errorPercent()[i]));
        }
        setTitle(Messages.get("lengths.title", trainedLength, result.samples(), model.text()));
    }
}
