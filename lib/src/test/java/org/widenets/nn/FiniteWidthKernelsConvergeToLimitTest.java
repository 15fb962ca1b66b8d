package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.BranchScale;
import org.widenets.kernel.DenseNet;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.ResNet;
import org.widenets.kernel.ResidualBranch;

/**
 * Off-diagonal (and diagonal) NNGP and NTK of the kernel layers against the mean over seeds of the
 * empirical kernels of width-1024 networks, within 4 standard errors of that mean. The finite-width
 * bias is O(L/n) ≈ 0.2 %, well below the standard error at these sample counts.
 */
class FiniteWidthKernelsConvergeToLimitTest {

    private static final int WIDTH = 1024, SEEDS = 20;

    /** Three inputs in R⁴ at angles well inside (0, π), one of them longer. */
    private static final DMatrixRMaj X = new DMatrixRMaj(new double[][] {
            {1.0, 0.5, -0.5, 1.0}, {0.2, 1.4, 0.6, -0.4}, {-1.6, 0.3, 0.9, 1.1}});

    private static void assertMonteCarloAgrees(Architecture a) {
        FiniteWidthStatistics stats = new FiniteWidthStatistics(SEEDS, 2026);
        KernelMatrices[] samples = IntStream.range(0, SEEDS).parallel()
                .mapToObj(i -> a.sample(WIDTH, X.numCols, stats.networkSeed(i)).kernels(X))
                .toArray(KernelMatrices[]::new);
        KernelMatrices limit = a.limit().matrices(X, X);
        for (int i = 0; i < X.numRows; i++) {
            for (int j = i; j < X.numRows; j++) {
                final int r = i, c = j;
                Estimate ntk = FiniteWidthStatistics.mean(
                        java.util.Arrays.stream(samples).mapToDouble(k -> k.ntk().get(r, c)).toArray());
                Estimate nngp = FiniteWidthStatistics.mean(
                        java.util.Arrays.stream(samples).mapToDouble(k -> k.nngp().get(r, c)).toArray());
                assertTrue(ntk.covers(limit.ntk().get(i, j), 4),
                        a + " Θ" + i + j + ": limit " + limit.ntk().get(i, j) + ", Monte Carlo " + ntk);
                assertTrue(nngp.covers(limit.nngp().get(i, j), 4),
                        a + " K" + i + j + ": limit " + limit.nngp().get(i, j) + ", Monte Carlo " + nngp);
            }
        }
    }

    @Test
    void twoLayerBranchResNet() {
        assertMonteCarloAgrees(Architecture.of(ResNet.builder().depth(3)
                .branchScale(BranchScale.inverseSqrtDepth()).architecture()));
    }

    @Test
    void oneLayerBranchResNetWithUnitMultiplier() {
        assertMonteCarloAgrees(Architecture.of(ResNet.builder().branch(ResidualBranch.ONE_LAYER).depth(3)
                .alpha(1).architecture()));
    }

    @Test
    void twoLayerBranchResNetWithGelu() {
        // A smooth, non-homogeneous, non-centred activation through the same layers; c = c_φ = 1/E[GELU(g)²].
        assertMonteCarloAgrees(Architecture.of(ResNet.builder().activation(new Gelu()).depth(2).alpha(0.8)
                .architecture()));
    }

    @Test
    void denseNet() {
        assertMonteCarloAgrees(Architecture.of(DenseNet.builder().depth(3).architecture()));
    }

    @Test
    void relativeDistanceShrinksWithWidth() {
        // ‖Θ_n − Θ_∞‖/‖Θ_∞‖ ~ n^(−1/2): quadrupling the width should about halve it (ratio 0.5, allow 0.35–0.7).
        FiniteWidthStatistics stats = new FiniteWidthStatistics(6, 7);
        for (Architecture a : List.of(Architecture.of(ResNet.builder().depth(2).architecture()),
                Architecture.of(DenseNet.builder().depth(2).architecture()))) {
            double narrow = stats.relativeDistance(a, 64, X).value();
            double wide = stats.relativeDistance(a, 256, X).value();
            assertTrue(wide / narrow > 0.3 && wide / narrow < 0.75, a + ": " + narrow + " → " + wide);
        }
    }
}
