package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Gelu;
import tech.tablesaw.api.Table;

class DepthSweepTest {

    /** Every depth of the one-pass sweep equals the separately built L-layer network's NNGP. */
    @Test
    void everyDepthEqualsTheSeparatelyBuiltNetwork() {
        Random r = new Random(9);
        double[][] x = ExactGpTest.randomInputs(r, 12, 3), xs = ExactGpTest.randomInputs(r, 4, 3);
        for (var act : List.of(AbRelu.relu(), new Gelu(), AbRelu.leakyRelu(0.2), org.widenets.kernel.Erf.standard())) {
            DepthSweep sweep = DepthSweep.compute(act, 1.3, 6, x, xs);
            for (int depth = 1; depth <= 6; depth++) {
                GpKernel k = NetworkKernel.nngp(PaperKernels.deep(act, depth, 1.3));
                DMatrixRMaj g = k.gram(x), c = k.cross(xs, x);
                for (int i = 0; i < g.data.length; i++) {
                    assertEquals(g.data[i], sweep.gram(depth).data[i], 1e-12 * Math.abs(g.data[i]) + 1e-15);
                }
                for (int i = 0; i < c.data.length; i++) {
                    assertEquals(c.data[i], sweep.cross(depth).data[i], 1e-12 * Math.abs(c.data[i]) + 1e-15);
                }
            }
        }
    }

    /**
     * exp(u) has E[e^{u+v}] = e^{(q11+2q12+q22)/2}: the variance explodes doubly exponentially, so some depth
     * leaves the double range. That depth and all deeper ones are marked failed; the shallower ones are valid
     * and equal the separately built networks.
     */
    @Test
    void depthsPastAnOverflowAreMarkedFailedAndShallowerOnesStayValid() {
        Random r = new Random(4);
        double[][] x = ExactGpTest.randomInputs(r, 6, 2), xs = ExactGpTest.randomInputs(r, 3, 2);
        var exp = new org.widenets.kernel.Exp(1, 1);
        DepthSweep sweep = DepthSweep.compute(exp, 1.0, 12, x, xs);
        int firstFailed = 1;
        while (firstFailed <= 12 && !sweep.failed(firstFailed)) firstFailed++;
        assertTrue(firstFailed > 1 && firstFailed <= 12, "first failed depth " + firstFailed);
        for (int depth = firstFailed; depth <= 12; depth++) assertTrue(sweep.failed(depth));
        for (int depth = 1; depth < firstFailed; depth++) {
            GpKernel k = NetworkKernel.nngp(PaperKernels.deep(exp, depth, 1.0));
            DMatrixRMaj g = k.gram(x);
            for (int i = 0; i < g.data.length; i++) {
                assertEquals(g.data[i], sweep.gram(depth).data[i], 1e-12 * Math.abs(g.data[i]));
            }
        }
        int failedDepth = firstFailed;
        org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> NetworkKernel.nngp(PaperKernels.deep(exp, failedDepth, 1.0)).gram(x));
    }

    @Test
    void summaryGivesMeanAndStandardErrorOverSplits() {
        Table runs = Table.create("runs", tech.tablesaw.api.StringColumn.create("dataset", "a", "a", "a"),
                tech.tablesaw.api.StringColumn.create("kernel", "k", "k", "k"),
                tech.tablesaw.api.StringColumn.create("protocol", "standard", "standard", "standard"),
                tech.tablesaw.api.DoubleColumn.create("rmse", 1, 2, 4),
                tech.tablesaw.api.DoubleColumn.create("lpd", -1, -2, -3));
        Table s = UciGpBenchmark.summary(runs);
        assertEquals(7.0 / 3, s.doubleColumn("rmse").get(0), 1e-15);
        // sample sd of {1, 2, 4} is √(7/3); s.e. = √(7/3)/√3
        assertEquals(Math.sqrt(7.0 / 3) / Math.sqrt(3), s.doubleColumn("rmse_se").get(0), 1e-15);
        assertEquals(2, s.doubleColumn("nll").get(0), 1e-15);
        assertEquals(1 / Math.sqrt(3), s.doubleColumn("nll_se").get(0), 1e-15);
    }

    @Test
    void deepGridOnYachtProducesFiniteRmseAndABestCell() {
        var yacht = org.widenets.data.Uci.load("yacht");
        Table grid = UciGpBenchmark.deepGrid(yacht, AbRelu.relu(), new double[] {1.0, 2.0}, 3, new long[] {1, 2}, null);
        assertEquals(2 * 2 * 3, grid.rowCount());
        for (double v : grid.doubleColumn("rmse").asDoubleArray()) assertTrue(v > 0 && v < 15, "rmse " + v);
        Table best = UciGpBenchmark.deepBest(UciGpBenchmark.deepMeans(grid));
        assertEquals(1, best.rowCount());
    }
}
