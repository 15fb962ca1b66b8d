package org.widenets.gp;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.widenets.plot.Figures;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The flagship paper's GP figures from the tables of {@link UciGpBenchmark}: Figure 6 (one panel per data
 * set, one bar per kernel with ±2 standard errors) and Figure 7 (RMSE against σ_w² = σ_b² = v, one curve
 * per depth).
 */
public final class UciGpFigures {

    private UciGpFigures() {
    }

    /**
     * Figure 6: per data set a bar chart of the summary's {@code metric} ("rmse" or "nll") per kernel with
     * ±2 s.e. error bars, panels tiled {@code columns} per row.
     */
    public static BufferedImage figure6(Table summary, String metric, String protocol, int columns) {
        if (!metric.equals("rmse") && !metric.equals("nll")) {
            throw new IllegalArgumentException("metric must be 'rmse' or 'nll', got '" + metric + "'");
        }
        Set<String> datasets = new LinkedHashSet<>();
        for (Row r : summary) if (r.getString("protocol").equals(protocol)) datasets.add(r.getString("dataset"));
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (String d : datasets) {
            CategoryChart c = new CategoryChartBuilder().width(360).height(280).title(d)
                    .xAxisTitle("kernel").yAxisTitle((metric.equals("rmse") ? "test RMSE" : "test NLL") + " (±2 s.e.)").build();
            List<String> kernels = new ArrayList<>();
            List<Double> y = new ArrayList<>(), err = new ArrayList<>();
            for (Row r : summary) {
                if (!r.getString("dataset").equals(d) || !r.getString("protocol").equals(protocol)) continue;
                kernels.add(r.getString("kernel"));
                y.add(r.getDouble(metric));
                double se = r.getDouble(metric + "_se");
                err.add(Double.isFinite(se) ? 2 * se : 0.0);
            }
            c.addSeries("mean ± 2 s.e.", kernels, y, err);
            c.getStyler().setChartBackgroundColor(Color.WHITE);
            c.getStyler().setPlotBackgroundColor(Color.WHITE);
            // one series: the axis title says what the bars are, a legend would only cover them
            c.getStyler().setLegendVisible(false);
            c.getStyler().setXAxisLabelRotation(30);
            c.getStyler().setYAxisDecimalPattern("#0.###");
            c.getStyler().setErrorBarsColor(Color.BLACK);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < y.size(); i++) {
                lo = Math.min(lo, y.get(i) - err.get(i));
                hi = Math.max(hi, y.get(i) + err.get(i));
            }
            double pad = 0.1 * (hi - lo + 1e-12);
            c.getStyler().setYAxisMin(lo - pad);
            c.getStyler().setYAxisMax(hi + pad);
            panels.add(c);
        }
        return tile(panels, columns);
    }

    /**
     * Figure 7 panel: mean test RMSE against v for the given depths, from a {@link UciGpBenchmark#deepMeans} table.
     */
    public static XYChart figure7(Table means, String dataset, String kernel, int[] depths) {
        XYChart c = Figures.lines(dataset + ", " + kernel + ": deep kernel GP", "σ_w² = σ_b²", "test RMSE");
        for (int depth : depths) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Row r : means) {
                if (r.getString("dataset").equals(dataset) && r.getString("kernel").equals(kernel)
                        && r.getInt("depth") == depth && Double.isFinite(r.getDouble("rmse"))) {
                    x.add(r.getDouble("v"));
                    y.add(r.getDouble("rmse"));
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = c.addSeries("depth " + depth, x, y);
                s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            }
        }
        return c;
    }

    /** Tiles charts into one image, {@code columns} per row. */
    public static BufferedImage tile(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("no charts to tile");
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Chart<?, ?> c : charts) images.add(BitmapEncoder.getBufferedImage(c));
        int w = images.get(0).getWidth(), h = images.get(0).getHeight();
        int cols = Math.min(columns, images.size()), rows = (images.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.size(); i++) g.drawImage(images.get(i), (i % cols) * w, (i / cols) * h, null);
        g.dispose();
        return out;
    }
}
