package org.widenets.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/** Matrices (Gram matrices, kernels) as house-style XChart heat maps. */
public final class Heatmaps {

    private Heatmaps() {
    }

    /**
     * A heat map of m (row i drawn at height i from the top) on the colour scale [min, max].
     *
     * @param m a rectangular matrix, not modified
     */
    public static HeatMapChart matrix(String title, double[][] m, double min, double max) {
        if (!(min < max)) throw new IllegalArgumentException("need min < max, got " + min + ", " + max);
        int rows = m.length, cols = rows == 0 ? 0 : m[0].length;
        HeatMapChart chart = new HeatMapChartBuilder().width(Figures.HEIGHT + 80).height(Figures.HEIGHT)
                .title(title).xAxisTitle("column").yAxisTitle("row").build();
        List<Integer> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int j = 0; j < cols; j++) xs.add(j);
        for (int i = 0; i < rows; i++) ys.add(i);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (m[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + m[i].length + " entries, row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) cells.add(new Number[] {j, rows - 1 - i, m[i][j]});
        }
        chart.addSeries("value", xs, ys, cells);
        var s = chart.getStyler();
        s.setMin(min);
        s.setMax(max);
        s.setRangeColors(new Color[] {new Color(49, 54, 149), Color.WHITE, new Color(165, 0, 38)});
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotContentSize(1.0);
        s.setShowValue(false);
        s.setAxisTicksVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15));
        return chart;
    }
}
