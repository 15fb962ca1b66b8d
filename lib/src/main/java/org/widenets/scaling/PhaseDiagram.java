package org.widenets.scaling;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.widenets.plot.Figures;

/**
 * The (q_σ, q̃) plane coloured by {@link Classification#of}: the three open regions and the two unstable
 * sides of the band as dots of a grid, the seven one-dimensional regions as lines and the three
 * zero-dimensional ones (MF, sym-default, NTK) as large points — every mark placed only where
 * {@code classify} returns its model, so the figure shows the function, not a drawing of the note
 * (probably the paper's Figure 1, left; shared/papers/width-scalings.md §3).
 */
public final class PhaseDiagram {

    /** Plotted window of the plane. */
    public static final double Q_SIGMA_MIN = -1.75, Q_SIGMA_MAX = 0.5, Q_TILDE_MIN = -1.25, Q_TILDE_MAX = 2.0;

    private static final Map<LimitModel, Color> COLOURS = new EnumMap<>(LimitModel.class);

    static {
        COLOURS.put(LimitModel.DIVERGES, new Color(235, 200, 200));
        COLOURS.put(LimitModel.STAGNATES, new Color(215, 215, 215));
        COLOURS.put(LimitModel.POST_MF_NTK, new Color(190, 215, 240));
        COLOURS.put(LimitModel.TRIANGLE, new Color(200, 235, 200));
        COLOURS.put(LimitModel.PRE_NTK_SYM_DEFAULT, new Color(245, 225, 180));
        COLOURS.put(LimitModel.POST_MF, new Color(31, 119, 180));
        COLOURS.put(LimitModel.SYM_DEFAULT_MF, new Color(44, 160, 44));
        COLOURS.put(LimitModel.PRE_SYM_DEFAULT, new Color(214, 39, 40));
        COLOURS.put(LimitModel.MF_NTK, new Color(148, 103, 189));
        COLOURS.put(LimitModel.NTK_SYM_DEFAULT, new Color(140, 86, 75));
        COLOURS.put(LimitModel.POST_NTK, new Color(23, 190, 207));
        COLOURS.put(LimitModel.PRE_NTK, new Color(255, 127, 14));
        COLOURS.put(LimitModel.MF, Color.BLUE);
        COLOURS.put(LimitModel.SYM_DEFAULT, new Color(0, 120, 0));
        COLOURS.put(LimitModel.NTK, Color.BLACK);
    }

    private PhaseDiagram() {
    }

    /** The phase diagram with the given scalings marked by name (those off the symmetric plane are skipped). */
    public static XYChart chart(List<Scaling> marked) {
        XYChart chart = new XYChartBuilder().width(960).height(620)
                .title("Limit models of the (q_σ, q̃) plane (Golikov 2020)")
                .xAxisTitle("q_σ  (output scale σ ∝ d^q_σ)").yAxisTitle("q̃  (normalised learning rates ∝ d^q̃)").build();
        Figures.style(chart);
        chart.getStyler().setXAxisMin(Q_SIGMA_MIN).setXAxisMax(Q_SIGMA_MAX);
        chart.getStyler().setYAxisMin(Q_TILDE_MIN).setYAxisMax(Q_TILDE_MAX);
        areas(chart);
        lines(chart);
        for (LimitModel m : List.of(LimitModel.MF, LimitModel.SYM_DEFAULT, LimitModel.NTK)) {
            double[] p = point(m);
            XYSeries s = chart.addSeries(m.toString(), new double[] {p[0]}, new double[] {p[1]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(COLOURS.get(m));
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Scaling sc : marked) {
            if (!sc.symmetric()) continue;
            names.computeIfAbsent(sc.qSigma() + "," + sc.qTildeOutput(), k -> new ArrayList<>()).add(sc.name());
        }
        Color[] colours = {Color.MAGENTA, new Color(255, 90, 0), new Color(0, 170, 255), new Color(200, 160, 0),
            new Color(120, 0, 160), Color.RED};
        var markers = List.of(SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_DOWN,
                SeriesMarkers.SQUARE, SeriesMarkers.CROSS, SeriesMarkers.CIRCLE);
        int k = 0;
        for (Map.Entry<String, List<String>> e : names.entrySet()) {
            String[] xy = e.getKey().split(",");
            XYSeries s = chart.addSeries("marked: " + String.join(", ", e.getValue()),
                    new double[] {Double.parseDouble(xy[0])}, new double[] {Double.parseDouble(xy[1])});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(markers.get(k % markers.size()));
            s.setMarkerColor(colours[k % colours.length]);
            k++;
        }
        chart.getStyler().setMarkerSize(11);
        return chart;
    }

    private static void areas(XYChart chart) {
        Map<LimitModel, List<double[]>> dots = new EnumMap<>(LimitModel.class);
        double step = 0.05;
        for (double qs = Q_SIGMA_MIN; qs <= Q_SIGMA_MAX + 1e-9; qs += step) {
            for (double qt = Q_TILDE_MIN; qt <= Q_TILDE_MAX + 1e-9; qt += step) {
                LimitModel m = Classification.of(qs, qt).model();
                if (m.dimension() == 2 || !m.stable()) dots.computeIfAbsent(m, k -> new ArrayList<>()).add(new double[] {qs, qt});
            }
        }
        for (Map.Entry<LimitModel, List<double[]>> e : dots.entrySet()) {
            XYSeries s = add(chart, e.getKey().toString(), e.getValue());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
            s.setMarkerColor(COLOURS.get(e.getKey()));
        }
    }

    private static void lines(XYChart chart) {
        // Candidate lines of the one-dimensional regions; each keeps only the points classify assigns to it.
        Map<LimitModel, double[][]> lines = new EnumMap<>(LimitModel.class);
        lines.put(LimitModel.POST_MF, new double[][] {{1, 0, -1}});            // δ = 0: q̃ = −q_σ
        lines.put(LimitModel.SYM_DEFAULT_MF, new double[][] {{1, 0, -1}});
        lines.put(LimitModel.PRE_SYM_DEFAULT, new double[][] {{1, 0, -1}});
        lines.put(LimitModel.POST_NTK, new double[][] {{1, -0.5, -1}});       // δ = −1/2
        lines.put(LimitModel.PRE_NTK, new double[][] {{1, -0.5, -1}});
        lines.put(LimitModel.MF_NTK, new double[][] {{1, -1, -2}});           // κ = 0: q̃ = −1 − 2q_σ
        lines.put(LimitModel.NTK_SYM_DEFAULT, new double[][] {{0, -0.5, 0}}); // p0 = 0: q_σ = −1/2
        for (Map.Entry<LimitModel, double[][]> e : lines.entrySet()) {
            double[] line = e.getValue()[0];
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i <= 900; i++) {
                double[] p;
                if (line[0] == 1) {
                    double qs = Q_SIGMA_MIN + (Q_SIGMA_MAX - Q_SIGMA_MIN) * i / 900.0;
                    p = new double[] {qs, line[1] + line[2] * qs};
                } else {
                    p = new double[] {line[1], Q_TILDE_MIN + (Q_TILDE_MAX - Q_TILDE_MIN) * i / 900.0};
                }
                if (Classification.of(p[0], p[1]).model() == e.getKey()) pts.add(p);
            }
            if (pts.isEmpty()) continue;
            XYSeries s = add(chart, e.getKey().toString(), pts);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(COLOURS.get(e.getKey()));
            s.setLineStyle(new BasicStroke(3f));
        }
    }

    private static double[] point(LimitModel m) {
        switch (m) {
            case MF: return new double[] {-1, 1};
            case SYM_DEFAULT: return new double[] {-0.5, 0.5};
            case NTK: return new double[] {-0.5, 0};
            default: throw new IllegalArgumentException("not a point region: " + m);
        }
    }

    private static XYSeries add(XYChart chart, String name, List<double[]> pts) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return chart.addSeries(name, x, y);
    }
}
