package org.widenets.spectrum;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.widenets.plot.Figures;

/**
 * Log–log spectrum plots in the layout of the paper's figures (μ_ℓ against the eigenvalue index ℓ + 1,
 * shared/papers/rkhs-smoothness.md §4). Only resolved eigenvalues are drawn: round-off below the floor and
 * exact zeros are left out rather than plotted as noise.
 */
public final class SpectrumFigures {

    private SpectrumFigures() {
    }

    /** An empty log–log chart with the house style. */
    public static XYChart logLog(String title, String xLabel, String yLabel) {
        XYChart chart = Figures.lines(title, xLabel, yLabel);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("0E0");
        return chart;
    }

    /** An empty chart for spectra: μ_ℓ against ℓ + 1 on log–log axes. */
    public static XYChart spectrumChart(String title) {
        return logLog(title, "eigenvalue index ℓ + 1", "eigenvalue μ_ℓ");
    }

    /** Adds the resolved μ_ℓ of all degrees as a line with markers. */
    public static XYSeries addSpectrum(XYChart chart, String name, MercerSpectrum s) {
        return add(chart, name, s, null);
    }

    /** Adds the resolved μ_ℓ of one parity. */
    public static XYSeries addSpectrum(XYChart chart, String name, MercerSpectrum s, Parity parity) {
        return add(chart, name, s, parity);
    }

    private static XYSeries add(XYChart chart, String name, MercerSpectrum s, Parity parity) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (int l = 0; l <= s.ellMax(); l++) {
            if ((parity == null || parity.contains(l)) && s.resolved(l) && s.raw(l) > 0) {
                x.add(l + 1.0);
                y.add(s.raw(l));
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("spectrum " + name + " has no resolved positive eigenvalue to plot");
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    /**
     * A GP draw on a plane grid as a heat map (x to the right, y upwards); axis ticks label every
     * {@code perSide/5}-th grid point.
     */
    public static HeatMapChart heatMap(String title, SamplePaths.PlanePath path) {
        double[] g = path.grid();
        int n = g.length, every = Math.max(1, n / 5);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Categories must be distinct, so unlabelled ones are distinct runs of spaces.
            labels.add(i % every == 0 ? String.format(java.util.Locale.ROOT, "%.1f", g[i]) : " ".repeat(i + 1));
        }
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double v = path.values()[j][i];
                cells.add(new Number[] {i, j, v});
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Figures.HEIGHT + 140).height(Figures.HEIGHT)
                .title(title).xAxisTitle("x₁").yAxisTitle("x₂").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setMin(lo);
        chart.getStyler().setMax(hi);
        chart.getStyler().setRangeColors(new java.awt.Color[] {new java.awt.Color(40, 60, 160), java.awt.Color.WHITE,
                new java.awt.Color(180, 30, 30)});
        chart.getStyler().setLegendVisible(true);
        chart.addSeries("f(x)", labels, labels, cells);
        return chart;
    }

    /** A dashed reference line y = y0·(x/x0)^{−exponent} on [x0, xMax]. */
    public static XYSeries addPowerLaw(XYChart chart, String name, double exponent, double x0, double y0, double xMax) {
        double[] x = StructureFunction.logSpaced(x0, xMax, 20), y = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = y0 * Math.pow(x[i] / x0, -exponent);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        // Dark grey, one dash pattern per exponent, so reference lines never look like data.
        java.awt.BasicStroke[] dashes = {SeriesLines.DASH_DASH, SeriesLines.DOT_DOT, SeriesLines.DASH_DOT};
        series.setLineStyle(dashes[(int) Math.floorMod(Math.round(exponent), 3L)]);
        series.setLineColor(java.awt.Color.DARK_GRAY);
        return series;
    }
}
