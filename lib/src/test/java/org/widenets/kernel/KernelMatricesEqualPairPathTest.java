package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The fused, multi-threaded kernel matrices equal {@link Network#pair} entry by entry, to rounding. */
class KernelMatricesEqualPairPathTest {

    static DMatrixRMaj randomInputs(int n, int d, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = r.nextGaussian();
        }
        return x;
    }

    static double[] row(DMatrixRMaj a, int i) {
        double[] r = new double[a.numCols];
        System.arraycopy(a.data, i * a.numCols, r, 0, a.numCols);
        return r;
    }

    /** Every entry of both matrices equals the pair path within 1e-12 of √(K_ii K′_jj). */
    static void assertEqualsPairPath(Network net, DMatrixRMaj x, DMatrixRMaj y) {
        KernelMatrices m = net.matrices(x, y);
        assertEquals(x.numRows, m.nngp().numRows);
        assertEquals(y.numRows, m.ntk().numCols);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < y.numRows; j++) {
                PairKernel p = net.pair(row(x, i), row(y, j));
                double kScale = Math.sqrt(p.q11() * p.q22()) + 1e-300, tScale = Math.sqrt(p.ntk11() * p.ntk22()) + 1e-300;
                assertEquals(p.q12(), m.nngp().get(i, j), 1e-12 * kScale, "NNGP " + i + "," + j);
                assertEquals(p.ntk12(), m.ntk().get(i, j), 1e-12 * tScale, "NTK " + i + "," + j);
            }
        }
    }

    @Test
    void symmetricAndRectangularMatricesEqualThePairPath() {
        Network net = Mlp.builder().depth(4).weightVariance(2).biasVariance(0.1).build();
        DMatrixRMaj x = randomInputs(7, 5, 1), y = randomInputs(5, 5, 2);
        assertEqualsPairPath(net, x, x);
        assertEqualsPairPath(net, x, y);
        assertEqualsPairPath(net, y, x);
    }

    @Test
    void seriesActivationsEqualThePairPath() {
        // QuadratureActivation's block method (one lookup of the row's expansion per block) against the
        // per-pair maps; includes equal rows (x = x′ stays on the exact diagonal)
        for (Activation f : new Activation[] {new Tanh(), new Silu(), new Elu(1.0)}) {
            Network net = Mlp.builder().activation(f).depth(3).weightVariance(1.5).biasVariance(0.1).build();
            DMatrixRMaj x = randomInputs(12, 4, 5);
            System.arraycopy(x.data, 0, x.data, 4 * 3, 4);
            assertEqualsPairPath(net, x, x);
            assertEqualsPairPath(net, x, randomInputs(5, 4, 6));
        }
    }

    @Test
    void tilesBlocksAndLargeInputDimensionsEqualThePairPath() {
        // 150 rows span several 32-row tiles and 64-column chunks; d = 300 takes the register tile path
        Network net = Mlp.builder().activation(AbRelu.leakyRelu(0.1)).depth(3).weightVariance(1.8)
                .biasVariance(0.05).inputScaling(InputScaling.SUM).build();
        DMatrixRMaj x = randomInputs(150, 300, 3);
        assertEqualsPairPath(net, x, x);
        assertEqualsPairPath(net, x, randomInputs(67, 300, 4));
    }

    @Test
    void equalRowsAndZeroRowsUseTheDiagonalLikeThePairPath() {
        Network net = Mlp.builder().activation(AbRelu.abs()).depth(3).biasVariance(0.2).build();
        DMatrixRMaj x = randomInputs(6, 3, 5);
        System.arraycopy(x.data, 0, x.data, 3 * 3, 3);   // row 3 = row 0
        java.util.Arrays.fill(x.data, 4 * 3, 5 * 3, 0.0); // row 4 = 0
        DMatrixRMaj y = randomInputs(2, 3, 6);
        System.arraycopy(x.data, 3, y.data, 0, 3);       // y row 0 = x row 1
        assertEqualsPairPath(net, x, x);
        assertEqualsPairPath(net, x, y);
        KernelMatrices m = net.matrices(x, x);
        assertEquals(m.nngp().get(0, 0), m.nngp().get(0, 3), 0.0);
        assertEquals(m.ntk().get(0, 0), m.ntk().get(3, 0), 0.0);
    }

    @Test
    void anyLayerWorksThroughTheGenericFallback() {
        // a layer that only implements apply: halves every entry of the state
        Layer halve = in -> new PairKernel(in.q11() / 2, in.q12() / 2, in.q22() / 2,
                in.ntk11() / 2, in.ntk12() / 2, in.ntk22() / 2, in.same());
        Network net = Network.serial(InputScaling.MEAN, Dense.of(2, 0.1), new Nonlinearity(AbRelu.relu()),
                halve, Dense.of(1.5, 0.2), new Nonlinearity(AbRelu.abs()), Dense.of(1, 0));
        DMatrixRMaj x = randomInputs(9, 4, 7);
        assertEqualsPairPath(net, x, x);
        assertEqualsPairPath(net, x, randomInputs(3, 4, 8));
    }

    @Test
    void thousandReluLayersStayFiniteAndEqualThePairPath() {
        // σ_w² = 2, σ_b² = 0, SUM: the variance stays 2‖x‖² and Θ(x,x) = (L+1)·2‖x‖² (He scaling)
        Network net = Mlp.builder().depth(1000).weightVariance(2).inputScaling(InputScaling.SUM).build();
        DMatrixRMaj x = randomInputs(5, 3, 9);
        for (int k = 0; k < 3; k++) {
            x.data[3 + k] *= 1e3;   // a large input
            x.data[6 + k] *= 1e-3;  // a small one
        }
        assertEqualsPairPath(net, x, x);
        KernelMatrices m = net.matrices(x, x);
        for (int i = 0; i < 5; i++) {
            double norm2 = 0;
            for (int k = 0; k < 3; k++) {
                norm2 += x.get(i, k) * x.get(i, k);
            }
            assertEquals(2 * norm2, m.nngp().get(i, i), 1e-10 * norm2);
            assertEquals(1001 * 2 * norm2, m.ntk().get(i, i), 1e-9 * 1001 * norm2);
            for (int j = 0; j < 5; j++) {
                double bound = Math.sqrt(m.nngp().get(i, i) * m.nngp().get(j, j));
                assertTrue(Double.isFinite(m.ntk().get(i, j)));
                assertTrue(m.nngp().get(i, j) <= bound * (1 + 1e-12) && m.nngp().get(i, j) >= 0);
            }
        }
    }

    @Test
    void triangleBlocksCoverAllRowsWithBalancedWork() {
        int n = 4000;
        int[] b = FusedKernelMatrices.triangleBlocks(n, 16);
        assertEquals(0, b[0]);
        assertEquals(n, b[16]);
        double total = n * (n + 1) / 2.0;
        for (int k = 0; k < 16; k++) {
            double area = 0;
            for (int r = b[k]; r < b[k + 1]; r++) {
                area += n - r;
            }
            assertEquals(total / 16, area, 0.01 * total / 16, "block " + k);
        }
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        Network net = Mlp.builder().build();
        DMatrixRMaj x = randomInputs(3, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.matrices(x, randomInputs(3, 4, 2)));
        assertTrue(e.getMessage().contains("input dimensions differ"), e.getMessage());
        DMatrixRMaj bad = x.copy();
        bad.set(1, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> net.matrices(x, bad));
        assertTrue(e.getMessage().contains("x′[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.matrices(bad, bad));
        assertTrue(e.getMessage().contains("x[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.matrices(new DMatrixRMaj(2, 0), new DMatrixRMaj(2, 0)));
        assertTrue(e.getMessage().contains("input dimension"), e.getMessage());
    }
}
