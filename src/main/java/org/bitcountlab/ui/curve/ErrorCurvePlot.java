package org.bitcountlab.ui.curve;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

import org.bitcountlab.core.training.EpochResult;
import org.bitcountlab.ui.common.Formats;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.state.RunRecord;

/**
 * The held-out error chart's behaviour: the current run and any overlaid runs, an optional
 * smoothed line (debiased exponential moving average, raw line faded behind), an optional log
 * scale, a readout of the epoch under the mouse, and PNG export.
 */
final class ErrorCurvePlot {

    private static final double SMOOTHING = 0.6;
    private static final double LOG_FLOOR = 0.01;

    private record Curve(String name, List<EpochResult> points) {
    }

    private final LineChart<Number, Number> chart;
    private final NumberAxis errorAxis;
    private final Label readout;
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final BooleanProperty smooth = new SimpleBooleanProperty(this, "smooth", false);
    private final List<EpochResult> current = new ArrayList<>();
    private final List<Curve> overlays = new ArrayList<>();
    private XYChart.Series<Number, Number> currentSeries;
    private XYChart.Series<Number, Number> currentSmoothed;

    ErrorCurvePlot(LineChart<Number, Number> chart, NumberAxis errorAxis, Label readout) {
        this.chart = chart;
        this.errorAxis = errorAxis;
        this.readout = readout;
        logScale.addListener((obs, old, on) -> redraw());
        smooth.addListener((obs, old, on) -> redraw());
        chart.setOnMouseMoved(event -> showReadout(event.getSceneX(), event.getSceneY()));
        chart.setOnMouseExited(event -> readout.setText(""));
        redraw();
    }

    BooleanProperty logScaleProperty() {
        return logScale;
    }

    BooleanProperty smoothProperty() {
        return smooth;
    }

    int currentSize() {
        return current.size();
    }

    void setCurrent(List<EpochResult> points) {
        current.clear();
        current.addAll(points);
        readout.setText("");
        redraw();
    }

    /** A new epoch of the current run: added in place, without redrawing the rest. */
    void appendCurrent(EpochResult point) {
        current.add(point);
        currentSeries.getData().add(point(point.epoch(), point.heldOutError()));
        if (currentSmoothed != null) {
            currentSmoothed.getData().add(point(point.epoch(), smoothed(current).get(current.size() - 1)));
        }
    }

    void setOverlays(List<RunRecord> runs) {
        overlays.clear();
        for (RunRecord run : runs) {
            overlays.add(new Curve(run.label(), run.curve()));
        }
        redraw();
    }

    private void redraw() {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        currentSeries = series(Messages.get("chart.error.series"), current, false);
        currentSmoothed = smooth.get() ? series(Messages.get("chart.error.smoothed"), current, true) : null;
        all.add(currentSeries);
        if (currentSmoothed != null) {
            all.add(currentSmoothed);
        }
        for (Curve overlay : overlays) {
            all.add(series(overlay.name(), overlay.points(), smooth.get()));
        }
        XYChart.Series<Number, Number> onePercent = onePercentLine();
        all.add(onePercent);
        chart.getData().setAll(all);
        onePercent.getNode().getStyleClass().add("reference-line");
        chart.setLegendVisible(!overlays.isEmpty() || smooth.get());
        chart.getStyleClass().remove("smoothed");
        if (smooth.get()) {
            chart.getStyleClass().add("smoothed");
        }
        configureAxis();
    }

    /** The 1% line the tutorial's result is measured against, across the whole epoch axis. */
    private XYChart.Series<Number, Number> onePercentLine() {
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(Messages.get("chart.onePercent"));
        NumberAxis epochs = (NumberAxis) chart.getXAxis();
        line.getData().add(point(0, 1.0));
        line.getData().add(point((int) Math.max(1, epochs.getUpperBound()), 1.0));
        return line;
    }

    /** Redraws what depends on the epoch axis' span. */
    void epochSpanChanged() {
        redraw();
    }

    private XYChart.Series<Number, Number> series(String name, List<EpochResult> points, boolean smoothed) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        List<Double> values = smoothed ? smoothed(points) : points.stream().map(EpochResult::heldOutError).toList();
        for (int i = 0; i < points.size(); i++) {
            series.getData().add(point(points.get(i).epoch(), values.get(i)));
        }
        return series;
    }

    /** Debiased exponential moving average, as TensorBoard draws it. */
    static List<Double> smoothed(List<EpochResult> points) {
        List<Double> out = new ArrayList<>(points.size());
        double average = 0;
        double weight = 1;
        for (EpochResult point : points) {
            average = SMOOTHING * average + (1 - SMOOTHING) * point.heldOutError();
            weight *= SMOOTHING;
            out.add(average / (1 - weight));
        }
        return out;
    }

    private XYChart.Data<Number, Number> point(int epoch, double error) {
        return new XYChart.Data<>(epoch, logScale.get() ? Math.log10(Math.max(LOG_FLOOR, error)) : error);
    }

    private void configureAxis() {
        if (logScale.get()) {
            errorAxis.setLowerBound(Math.log10(LOG_FLOOR));
            errorAxis.setUpperBound(2);
            errorAxis.setTickUnit(1);
            errorAxis.setMinorTickVisible(false);
            errorAxis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number exponent) {
                    double value = Math.pow(10, exponent.doubleValue());
                    return value < 1 ? Formats.decimals(value, 2).replaceAll("0+$", "") : Formats.decimals(value, 0);
                }

                @Override
                public Number fromString(String text) {
                    return Math.log10(Double.parseDouble(text));
                }
            });
        } else {
            errorAxis.setLowerBound(0);
            errorAxis.setUpperBound(100);
            errorAxis.setTickUnit(20);
            errorAxis.setMinorTickVisible(true);
            errorAxis.setTickLabelFormatter(null);
        }
    }

    private void showReadout(double sceneX, double sceneY) {
        if (current.isEmpty()) {
            readout.setText("");
            return;
        }
        NumberAxis epochAxis = (NumberAxis) chart.getXAxis();
        Point2D local = epochAxis.sceneToLocal(sceneX, sceneY);
        double epoch = epochAxis.getValueForDisplay(local.getX()).doubleValue();
        EpochResult nearest = current.get(0);
        for (EpochResult point : current) {
            if (Math.abs(point.epoch() - epoch) < Math.abs(nearest.epoch() - epoch)) {
                nearest = point;
            }
        }
        readout.setText(Messages.get("chart.readout", nearest.epoch(),
                Formats.decimals(nearest.heldOutError(), 3),
                Formats.decimals(nearest.meanLoss(), 4)));
    }

}
