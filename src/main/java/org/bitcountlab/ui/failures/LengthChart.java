package org.bitcountlab.ui.failures;

import java.util.List;
import java.util.stream.IntStream;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import org.bitcountlab.core.training.LengthGeneralisation;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.controls.AxisLabels;
import org.bitcountlab.ui.controls.TickLabels;

/**
 * Error against string length for the model shown, beside the model measured before it: a network
 * trained on 20 bits only fails at every other length, one trained on every length counts them all.
 */
public final class LengthChart extends BarChart<String, Number> {

    private final XYChart.Series<String, Number> shown = new XYChart.Series<>();
    private final XYChart.Series<String, Number> earlier = new XYChart.Series<>();

    public LengthChart() {
        super(new CategoryAxis(), new NumberAxis(0, 100, 10));
        getStyleClass().add("length-chart");
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(3);
        setBarGap(0);
        getXAxis().setLabel(Messages.get("lengths.x"));
        // the lengths upright, every second or fifth where all do not fit (TickLabels), not turned on their side
        getXAxis().setAutoRanging(false);
        AxisLabels.shortenWhenCramped(getYAxis(), Messages.get("chart.error.y"), "%");
        setTitle(Messages.get("lengths.title.none"));
        getData().add(shown);
        TickLabels.keepApart(this);
    }

    /**
     * @param result  the model shown, or null before it was measured
     * @param before  the model measured before it, or null
     */
    public void show(FailuresViewModel.MeasuredLengths result, FailuresViewModel.MeasuredLengths before) {
        shown.getData().clear();
        earlier.getData().clear();
        if (result == null) {
            getData().setAll(shown);
            setLegendVisible(false);
            setTitle(Messages.get("lengths.title.none"));
            getXAxis().setLabel(Messages.get("lengths.x"));
            return;
        }
        // changed in place: a new list given to setCategories leaves the axis's ticks as they were
        ((CategoryAxis) getXAxis()).getCategories().setAll(lengths(result.result()));
        fill(shown, result.result());
        shown.setName(result.name().text());
        if (before != null) {
            fill(earlier, before.result());
            earlier.setName(Messages.get("lengths.series.earlier", before.name().text()));
            getData().setAll(shown, earlier);
        } else {
            getData().setAll(shown);
        }
        // a legend only where there are two models to tell apart; one model is named in the chart's title
        setLegendVisible(before != null);
        setTitle(before == null ? Messages.get("lengths.title", result.name().text()) : Messages.get("lengths.title.two"));
        getXAxis().setLabel(Messages.get("lengths.x.samples", result.result().samples()));
    }

    private static List<String> lengths(LengthGeneralisation.Result result) {
        return IntStream.rangeClosed(result.fromLength(), result.toLength()).mapToObj(Integer::toString)
                .toList();
    }

    private static void fill(XYChart.Series<String, Number> series, LengthGeneralisation.Result result) {
        for (int length = result.fromLength(); length <= result.toLength(); length++) {
            series.getData().add(new XYChart.Data<>(Integer.toString(length), result.errorAt(length)));
        }
    }
}
