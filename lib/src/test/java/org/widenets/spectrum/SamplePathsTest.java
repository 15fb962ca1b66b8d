package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Elu;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.RectifiedMonomial;
import org.widenets.kernel.Selu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

/** Structure functions of NNGP paths (shared/papers/rkhs-smoothness.md §2.6, §5.4) and seeded GP draws. */
class SamplePathsTest {

    @Test
    void reluPathsHaveStructureFunctionSlopeThree() {
        // k = 1: S_3(h) ≍ h^{2k+1}; the note's independent check reads 3.009 … 3.000 on h ∈ [1e−3, 0.1].
        for (boolean bias : new boolean[] {true, false}) {
            SphereKernel k = SphereKernel.paper(AbRelu.relu(), 3, bias, 2, KernelType.NNGP);
            LogLogFit fit = new StructureFunction(k, 3).slope(1e-3, 1e-1, 9);
            assertEquals(DecayPrediction.structureFunctionSlope(1, 3), fit.slope(), 0.15, fit.toString());
        }
    }

    @Test
    void smootherActivationsGiveSmootherPaths() {
        // k = 1 (LeakyReLU, SELU): slope 3; k = 2 (ELU(1), ReLU²): slope 5; GELU is smooth: 2m = 6 (§5.4).
        // ReLU² has a large smooth part whose h^{2m} term bends the curve at m = 3, so it uses m = 4.
        assertSlope(AbRelu.leakyRelu(0.2), 1, 3, 1e-3, 1e-1);
        assertSlope(new Selu(), 1, 3, 1e-3, 1e-1);
        assertSlope(new Elu(1), 2, 3, 2e-2, 3e-1);
        assertSlope(new RectifiedMonomial(2), 2, 4, 1e-2, 1e-1);
        assertSlope(new Gelu(), DecayPrediction.SMOOTH, 3, 2e-2, 3e-1);
    }

    static void assertSlope(Activation phi, int k, int m, double hMin, double hMax) {
        SphereKernel kernel = SphereKernel.paper(phi, 3, true, 2, KernelType.NNGP);
        LogLogFit fit = new StructureFunction(kernel, m).slope(hMin, hMax, 7);
        assertEquals(DecayPrediction.structureFunctionSlope(k, m), fit.slope(), 0.15, phi.name() + ": " + fit);
    }

    @Test
    void tooSmallStepsAreRefused() {
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 3, true, 2, KernelType.NNGP);
        StructureFunction s = new StructureFunction(k, 3);
        MercerSpectrumTest.assertMessage(() -> s.value(1e-7), "too small");
        MercerSpectrumTest.assertMessage(() -> s.value(0), "step h");
        MercerSpectrumTest.assertMessage(() -> s.value(2), "step h");
    }

    @Test
    void sampledPathsHaveTheKernelAsCovarianceAndTheirStructureFunction() {
        // Monte Carlo over seeds: per-path statistics are independent draws, so the tolerance is 4 standard errors.
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 3, true, 2, KernelType.NNGP);
        int n = 256, seeds = 40, lag = 8;
        StructureFunction s3 = new StructureFunction(k, 3);
        double[] cov = new double[seeds], sf = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            SamplePaths.CirclePath p = SamplePaths.circle(k, n, seed);
            double c = 0;
            for (int j = 0; j < n; j++) c += p.values()[j] * p.values()[(j + n / 4) % n];
            cov[seed] = c / n;
            sf[seed] = StructureFunction.empirical(p.values(), 3, lag);
        }
        assertWithinStandardErrors(k.value(Math.cos(Math.PI / 2)), cov, "covariance at a quarter turn");
        assertWithinStandardErrors(s3.value(2 * Math.PI * lag / n), sf, "S_3 at lag " + lag);
    }

    @Test
    void sameSeedSameDrawAndPlaneGridsWork() {
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 2, true, 2, KernelType.NNGP);
        assertArrayEquals(SamplePaths.circle(k, 100, 7).values(), SamplePaths.circle(k, 100, 7).values());
        Network net = Mlp.builder().activation(AbRelu.relu()).depth(2).biasVariance(1).inputScaling(InputScaling.SUM).build();
        SamplePaths.PlanePath a = SamplePaths.plane(net, KernelType.NNGP, -1, 1, 12, 3);
        SamplePaths.PlanePath b = SamplePaths.plane(net, KernelType.NNGP, -1, 1, 12, 3);
        assertEquals(12, a.values().length);
        assertArrayEquals(a.values()[5], b.values()[5]);
        assertTrue(a.jitter() > 0 && a.jitter() < 1e-5);
        MercerSpectrumTest.assertMessage(() -> SamplePaths.circle(k.withDimension(3), 100, 1), "dimension 2");
        MercerSpectrumTest.assertMessage(() -> SamplePaths.circle(k, SamplePaths.MAX_POINTS + 1, 1), "number of points");
        MercerSpectrumTest.assertMessage(() -> SamplePaths.plane(net, KernelType.NNGP, 1, -1, 10, 1), "lo < hi");
    }

    static void assertWithinStandardErrors(double expected, double[] samples, String what) {
        double mean = 0, var = 0;
        for (double v : samples) mean += v;
        mean /= samples.length;
        for (double v : samples) var += (v - mean) * (v - mean);
        double se = Math.sqrt(var / (samples.length - 1) / samples.length);
        assertEquals(expected, mean, 4 * se, what + ": mean " + mean + " ± " + se);
    }
}
