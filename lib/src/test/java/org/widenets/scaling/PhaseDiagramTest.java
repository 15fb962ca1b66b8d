package org.widenets.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PhaseDiagramTest {

    @Test
    void everyLimitModelAndEveryMarkedPointIsDrawnWhereClassifyPutsIt() {
        XYChart chart = PhaseDiagram.chart(List.of(Scaling.meanField(), Scaling.icMeanField(), Scaling.ntk(),
                Scaling.defaultScaling()));
        Map<String, XYSeries> series = chart.getSeriesMap();
        for (LimitModel m : LimitModel.values()) {
            XYSeries s = series.get(m.toString());
            assertTrue(s != null, "no series for " + m);
            double[] x = s.getXData(), y = s.getYData();
            assertTrue(x.length > 0, m.toString());
            for (int i = 0; i < x.length; i++) {
                assertEquals(m, Classification.of(x[i], y[i]).model(), "point (" + x[i] + ", " + y[i] + ")");
            }
        }
        // MF and IC-MF share a point and a legend entry; default is off the plane and not drawn.
        assertTrue(series.containsKey("marked: MF, IC-MF"), series.keySet().toString());
        assertTrue(series.containsKey("marked: NTK"), series.keySet().toString());
        assertEquals(LimitModel.values().length + 2, series.size(), series.keySet().toString());
    }
}
