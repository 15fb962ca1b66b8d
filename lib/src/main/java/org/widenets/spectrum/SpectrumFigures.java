package org.widenets.spectrum;

import java.util.ArrayList;
import java.util.List;
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

    /** A dashed reference line y = y0·(x/x0)^{−exponent} on [x0, xMax]. */
    public static XYSeries addPowerLaw(XYChart chart, String name, double exponent, double x0, double y0, double xMax) {
        double[] x = StructureFunction.logSpaced(x0, xMax, 20), y = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = y0 * Math.pow(x[i] / x0, -exponent);
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.DASH_DASH);
        return series;
    }
}
