package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ReLU diagonal closed forms of shared/papers/residual-kernels.md §4, derived by hand from the
 * recursions (geometric sums on the diagonal, where Λ = Σ and Λ̇ = 1), against the layer engine.
 */
class ResidualKernelClosedFormsTest {

    /** x with q₀ = |x|²/n₀ = 1.7 under the MEAN convention. */
    private static final double[] X = {Math.sqrt(1.7), -Math.sqrt(1.7), Math.sqrt(1.7), Math.sqrt(1.7)};
    private static final double Q0 = 1.7;

    private static double diagonalNtk(ResNet.Builder b) {
        return b.build().pair(X, X).ntk11();
    }

    /** R2: q₀(1+α²)^{L−1}[2(1+α²) + 2α²L]; R1: q₀(1+α²)^{L−1}[2(1+α²) + α²L]. */
    private static double closedForm(ResidualBranch branch, double alpha, int depth) {
        double a2 = alpha * alpha;
        double tangent = (branch == ResidualBranch.TWO_LAYER ? 2 : 1) * a2 * depth;
        return Q0 * Math.pow(1 + a2, depth - 1) * (2 * (1 + a2) + tangent);
    }

    @Test
    void twoLayerBranchWithUnitMultiplierGives40And96TimesQ0() {
        assertEquals(40 * Q0, diagonalNtk(ResNet.builder().depth(3).alpha(1)), 1e-12 * 40);
        assertEquals(96 * Q0, diagonalNtk(ResNet.builder().depth(4).alpha(1)), 1e-12 * 96);
        // The NNGP is q₀(1+α²)^L: each block adds α²Λ = α²Σ on the diagonal.
        assertEquals(Q0 * 8, ResNet.builder().depth(3).build().pair(X, X).q11(), 1e-12);
    }

    @Test
    void closedFormsHoldForBothBranchesOverAGrid() {
        for (ResidualBranch branch : ResidualBranch.values()) {
            for (double alpha : new double[] {0, 0.3, 0.5, 1, 1.7}) {
                for (int depth : new int[] {1, 2, 5, 17}) {
                    double expected = closedForm(branch, alpha, depth);
                    double got = diagonalNtk(ResNet.builder().branch(branch).depth(depth).alpha(alpha));
                    assertEquals(expected, got, 1e-12 * expected, branch + " α=" + alpha + " L=" + depth);
                }
            }
        }
        assertEquals(6.836 * Q0, diagonalNtk(ResNet.builder().branch(ResidualBranch.ONE_LAYER).depth(4).alpha(0.5)),
                0.0005 * Q0);
    }

    @Test
    void inverseSqrtDepthMultiplierTendsTo4eTimesQ0() {
        double l32 = diagonalNtk(ResNet.builder().depth(32).branchScale(BranchScale.inverseSqrtDepth()));
        assertEquals(10.546 * Q0, l32, 0.0005 * Q0);
        // (1+1/L)^{L−1}(4 + 2/L) = 4e·(1 + O(1/L)): relative error below 2/L.
        double deep = diagonalNtk(ResNet.builder().depth(100_000).branchScale(BranchScale.inverseSqrtDepth()));
        assertEquals(4 * Math.E * Q0, deep, 2e-5 * 4 * Math.E * Q0);
    }

    @Test
    void denseNetDiagonalIsOnePlusTheMeanOfEarlierLayers() {
        double[] unit = {1, -1, 1, 1}; // q₀ = 1
        assertEquals(2.5, DenseNet.builder().depth(1).build().pair(unit, unit).ntk11(), 1e-13);
        assertEquals(37.0 / 12, DenseNet.builder().depth(3).build().pair(unit, unit).ntk11(), 1e-13);
        // Θ⁰ = 1, Θˡ = 1 + mean_{k<l} Θᵏ; output = 1 + mean_{k≤L} Θᵏ. NNGP stays 1.
        List<Double> theta = new ArrayList<>(List.of(1.0));
        for (int l = 1; l <= 40; l++) {
            theta.add(1 + theta.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        }
        double expected = 1 + theta.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        PairKernel k = DenseNet.builder().depth(40).build().pair(unit, unit);
        assertEquals(expected, k.ntk11(), 1e-12 * expected);
        assertEquals(1.0, k.q11(), 1e-13);
    }

    @Test
    void residualBlocksWithoutSkipAreTheMlpCodePath() {
        double[] x = {0.3, -1.2, 0.8}, y = {1.1, 0.4, -0.5};
        for (int depth : new int[] {1, 3, 7}) {
            Network plain = ResNet.builder().branch(ResidualBranch.ONE_LAYER).depth(depth).alpha(1)
                    .inputWeightVariance(2).withoutSkip().build();
            List<Layer> mlp = new ArrayList<>(Mlp.builder().depth(depth).weightVariance(2).build().layers());
            mlp.add(Dense.of(1, 0));
            PairKernel a = plain.pair(x, y), b = Network.serial(InputScaling.MEAN, mlp).pair(x, y);
            assertEquals(b.q12(), a.q12(), 1e-13 * Math.abs(b.q11()));
            assertEquals(b.ntk12(), a.ntk12(), 1e-13 * b.ntk11());
            assertEquals(b.ntk11(), a.ntk11(), 1e-13 * b.ntk11());
        }
    }

    @Test
    void depthThousandWithInverseSqrtDepthStaysFinite() {
        double[] x = {1, 0, 0}, y = {0.6, 0.8, 0};
        Network net = ResNet.builder().depth(1000).branchScale(BranchScale.inverseSqrtDepth()).build();
        PairKernel k = net.pair(x, y);
        assertTrue(Double.isFinite(k.ntk12()) && Double.isFinite(k.q12()));
        double q0 = 1.0 / 3;
        assertTrue(k.ntk11() < 4 * Math.E * q0 && k.ntk11() > 10.8 * q0, "Θ(x,x) = " + k.ntk11());
        // α² = 1/L has an infinite-depth limit: the kernel shape at L = 1000 and L = 2000 agrees to O(1/L).
        PairKernel deeper = ResNet.builder().depth(2000).branchScale(BranchScale.inverseSqrtDepth()).build().pair(x, y);
        assertEquals(deeper.normalisedNtk(), k.normalisedNtk(), 1e-3);
        assertEquals(deeper.normalisedNngp(), k.normalisedNngp(), 1e-3);
        assertTrue(k.normalisedNtk() > 0 && k.normalisedNtk() < 0.99, "normalised NTK " + k.normalisedNtk());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BranchScale.constant(-0.5));
        assertTrue(e.getMessage().contains("α") && e.getMessage().contains("-0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResNet.builder().depth(0));
        assertTrue(e.getMessage().contains("depth") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DenseNet.builder().depth(0));
        assertThrows(IllegalArgumentException.class, () -> ResNet.builder().alpha(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BranchScale(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Residual.of(1, Dense.of(1, 0), new Nonlinearity(AbRelu.relu())));
    }

    @Test
    void branchScaleFollowsDepth() {
        assertEquals(0.25, BranchScale.inverseSqrtDepth().alpha(16), 1e-15);
        assertEquals(1.0 / 16, BranchScale.inverseDepth().alpha(16), 1e-15);
        assertEquals(1.0, BranchScale.one().alpha(16), 0);
        assertEquals("α = 1/√L", BranchScale.inverseSqrtDepth().toString());
        assertEquals("α = 1", BranchScale.one().toString());
        assertEquals("α = 0.5", BranchScale.constant(0.5).toString());
    }
}
