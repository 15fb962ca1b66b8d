package org.widenets.scaling;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.widenets.plot.Figures;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Charts of the width-scaling experiments, in the house style of {@link Figures}. */
public final class ScalingFigures {

    private static final java.awt.Color[] PALETTE = {new java.awt.Color(31, 119, 180), new java.awt.Color(214, 39, 40),
        new java.awt.Color(44, 160, 44), new java.awt.Color(148, 103, 189), new java.awt.Color(255, 127, 14),
        new java.awt.Color(140, 86, 75)};

    private ScalingFigures() {
    }

    /** What an {@link ExponentFit} measured. */
    public enum Quantity {
        LOGIT("E|f⁽⁰⁾| (test set)", "p0"), KERNEL("E K⁽⁰⁾(x,x)", "κ"), KERNEL_CHANGE("E|K − K₀| / E K₀", "2δ");

        private final String label;
        private final String exponent;

        Quantity(String label, String exponent) {
            this.label = label;
            this.exponent = exponent;
        }

        double[] values(ExponentFit f) {
            switch (this) {
                case LOGIT: return f.meanAbsLogit();
                case KERNEL: return f.kernel();
                default: return f.kernelChange();
            }
        }

        double predicted(ExponentFit f) {
            switch (this) {
                case LOGIT: return f.predicted().p0();
                case KERNEL: return f.predicted().kappa();
                default: return f.predicted().kernelChange();
            }
        }

        double measured(ExponentFit f) {
            switch (this) {
                case LOGIT: return f.logitSlope();
                case KERNEL: return f.kernelSlope();
                default: return f.kernelChangeSlope();
            }
        }
    }

    /**
     * Log–log plot of one quantity against d for each fit: measured points, and a dashed line of the predicted
     * slope through the geometric mean of the points.
     */
    public static XYChart exponents(List<ExponentFit> fits, Quantity q) {
        XYChart chart = new org.knowm.xchart.XYChartBuilder().width(900).height(500)
                .title(q.label + " vs width; dashed: slope " + q.exponent).xAxisTitle("width d").yAxisTitle(q.label).build();
        Figures.style(chart);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setMarkerSize(9);
        int k = 0;
        for (ExponentFit f : fits) {
            java.awt.Color colour = PALETTE[k++ % PALETTE.length];
            int[] w = f.widths();
            double[] x = new double[w.length];
            double[] y = q.values(f);
            double meanLogX = 0, meanLogY = 0;
            for (int i = 0; i < w.length; i++) {
                x[i] = w[i];
                meanLogX += Math.log(x[i]) / w.length;
                meanLogY += Math.log(y[i]) / w.length;
            }
            XYSeries s = chart.addSeries(String.format("%s: slope %.2f", f.scaling().name(), q.measured(f)), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarkerColor(colour);
            double[] line = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                line[i] = Math.exp(meanLogY + q.predicted(f) * (Math.log(x[i]) - meanLogX));
            }
            XYSeries p = chart.addSeries(String.format("%s: predicted %.2f", f.scaling().name(), q.predicted(f)), x, line);
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            p.setMarker(SeriesMarkers.NONE);
            p.setLineColor(colour);
            p.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        return chart;
    }

    /**
     * One column of several {@link ScalingExperiment#trajectory} tables against step + 1 (log axis), one line
     * per table, named by the table.
     */
    public static XYChart trajectories(List<Table> runs, String column, String yLabel, boolean logY) {
        XYChart chart = Figures.lines(yLabel + " during training", "step + 1", yLabel);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(logY);
        for (Table t : runs) {
            double[] x = ((NumericColumn<?>) t.column("step")).asDoubleArray();
            for (int i = 0; i < x.length; i++) x[i] += 1;
            double[] y = ((NumericColumn<?>) t.column(column)).asDoubleArray();
            XYSeries s = chart.addSeries(t.name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** One column of a {@link ScalingExperiment#widthSweep} table against log₂ d, one line per scaling. */
    public static XYChart widthSweep(Table sweep, String column, String yLabel) {
        XYChart chart = Figures.lines("Final " + yLabel + " against width", "log₂ d", yLabel);
        for (String name : new java.util.LinkedHashSet<>(sweep.stringColumn("scaling").asList())) {
            Table part = sweep.where(sweep.stringColumn("scaling").isEqualTo(name));
            chart.addSeries(name, ((NumericColumn<?>) part.column("log2_width")).asDoubleArray(),
                    ((NumericColumn<?>) part.column(column)).asDoubleArray());
        }
        return chart;
    }
}
