package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known values of the order-1 arc-cosine kernel (Cho & Saul 2009) and its NTK recursion. */
class ReluArcCosineKernelTest {

    private final Activation relu = AbRelu.relu();

    @Test
    void orthogonalUnitInputsGiveOneOverTwoPi() {
        // θ = π/2: T = (sin θ + (π−θ)cos θ)/(2π) = 1/(2π); Ṫ = (π − π/2)/(2π) = 1/4.
        assertEquals(1 / (2 * Math.PI), relu.t(1, 0, 1), 1e-15);
        assertEquals(0.25, relu.tDot(1, 0, 1), 1e-15);
    }

    @Test
    void oppositeInputsGiveZeroAndCollinearGiveHalfTheVariance() {
        assertEquals(0.0, relu.t(2, -2, 2), 1e-15);
        assertEquals(0.0, relu.tDot(2, -2, 2), 1e-15);
        assertEquals(1.0, relu.t(2, 2, 2), 1e-15);
        assertEquals(relu.diag(2), relu.t(2, 2, 2), 1e-15);
    }

    @Test
    void heNormalisedDepthPreservesTheSquaredNorm() {
        // σ_w² = 2, σ_b² = 0: every ReLU layer halves the variance and every Dense layer doubles it.
        double[] x = {3, 4};
        Network net = Mlp.builder().depth(6).weightVariance(2).inputScaling(InputScaling.SUM).build();
        PairKernel k = net.pair(x, x);
        assertEquals(2 * 25.0, k.q11(), 1e-12);
        // Θ^{l+1} = q + 2·(1/2)·Θ^l with Θ¹ = q: Θ = (L+1)·q for the readout after L = 6 layers.
        assertEquals(7 * 50.0, k.ntk11(), 1e-10);
    }

    @Test
    void negativeVarianceAndNonCovarianceAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> relu.t(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> relu.t(1, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> relu.t(1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Dense.of(-1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Network.serial(InputScaling.MEAN, new Nonlinearity(relu)));
    }
}
