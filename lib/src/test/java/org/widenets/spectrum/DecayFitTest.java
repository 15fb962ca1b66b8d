package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;

/** Fitted exponents against d + 2k (NNGP) and d + 2k − 2 (NTK), shared/papers/rkhs-smoothness.md §2, §3.4. */
class DecayFitTest {

    static final double TOLERANCE = 0.1;

    static void assertExponent(Activation phi, int k, int layers, boolean bias, int d, KernelType type, int ellMax) {
        MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(phi, layers, bias, d, type), ellMax);
        double predicted = DecayPrediction.exponent(d, k, type);
        DecayExponents fit = s.decay();
        for (Parity p : Parity.values()) {
            DecayFit f = fit.of(p);
            String what = phi.name() + " L=" + layers + " d=" + d + " " + type + " " + f;
            assertTrue(f.fitted(), what);
            assertTrue(f.points() >= 8, what);
            assertEquals(predicted, f.exponent(), TOLERANCE, what);
        }
    }

    @Test
    void reluAndLeakyReluDecayLikeDPlusTwoAtEveryDepth() {
        for (Activation phi : new Activation[] {AbRelu.relu(), AbRelu.leakyRelu(0.2)}) {
            for (int d = 2; d <= 4; d++) {
                for (KernelType type : KernelType.values()) {
                    for (int layers = 2; layers <= 3; layers++) {
                        assertExponent(phi, 1, layers, true, d, type, 64);
                    }
                }
            }
        }
    }

    @Test
    void biasFreeDeepReluRecoversBothParities() {
        // §2.3: from L = 3 on the inner kernel is no longer even or odd, so odd ℓ come back at the same rate.
        assertExponent(AbRelu.relu(), 1, 3, false, 3, KernelType.NNGP, 64);
        assertExponent(AbRelu.relu(), 1, 3, false, 3, KernelType.NTK, 64);
    }

    @Test
    void predictionFollowsTheParityRuleWithoutBias() {
        DecayPrediction relu = new DecayPrediction(1, DecayPrediction.SMOOTH);
        assertEquals(5, relu.exponent(3, KernelType.NNGP, false, 2, Parity.EVEN));
        assertEquals(Double.POSITIVE_INFINITY, relu.exponent(3, KernelType.NNGP, false, 2, Parity.ODD));
        assertEquals(5, relu.exponent(3, KernelType.NNGP, false, 3, Parity.ODD));
        DecayPrediction elu = new DecayPrediction(3, 2);
        assertEquals(7, elu.exponent(3, KernelType.NNGP, false, 2, Parity.ODD));
        assertEquals(7, elu.exponent(3, KernelType.NTK, false, 2, Parity.EVEN));
        assertEquals(5, elu.exponent(3, KernelType.NTK, true, 2, Parity.EVEN));
        MercerSpectrumTest.assertMessage(() -> DecayPrediction.exponent(3, 0, KernelType.NTK), "no NTK");
        MercerSpectrumTest.assertMessage(() -> DecayPrediction.exponent(1, 1, KernelType.NNGP), "d must be ≥ 2");
    }

    @Test
    void fitWindowMustHoldEnoughDegrees() {
        MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(AbRelu.relu(), 2, true, 3, KernelType.NNGP), 40);
        MercerSpectrumTest.assertMessage(() -> s.decay(0, 30), "fit window");
        MercerSpectrumTest.assertMessage(() -> s.decay(10, 41), "fit window");
        MercerSpectrumTest.assertMessage(() -> s.decay(10, 14), "fit window");
    }
}
