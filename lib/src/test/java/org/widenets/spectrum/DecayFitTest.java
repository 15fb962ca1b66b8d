package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Elu;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.Selu;
import org.widenets.kernel.Monomial;
import org.widenets.kernel.RectifiedMonomial;

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
            assertTrue(f.points() >= DecayFit.Model.CORRECTED.minPoints, what);
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
    void rectifiedMonomialsDecayLikeDPlusTwoK() {
        // ReLU² (k = 2) and ReLU³ (k = 3), closed-form arc-cosine kernels of order k, two-layer with bias.
        for (int k = 2; k <= 3; k++) {
            for (int d = 2; d <= 4; d++) {
                for (KernelType type : KernelType.values()) {
                    assertExponent(new RectifiedMonomial(k), k, 2, true, d, type, 100);
                }
            }
        }
        for (KernelType type : KernelType.values()) {
            assertExponent(new RectifiedMonomial(2), 2, 3, true, 3, type, 100);
        }
    }

    @Test
    void squareActivationHasExactlyTwoToTheLMinusOnePlusOneNonzeroEigenvalues() {
        // x² with L affine layers: κ is a polynomial of degree 2^{L−1} in t (§2.4).
        for (int layers = 2; layers <= 4; layers++) {
            for (boolean bias : new boolean[] {true, false}) {
                for (KernelType type : KernelType.values()) {
                    MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(new Monomial(2), layers, bias, 3, type), 40);
                    int degree = 1 << (layers - 1);
                    assertEquals(DecayPrediction.monomialNonzeroCount(2, layers, bias), s.resolvedCount(), s.toString());
                    assertEquals(bias ? degree + 1 : degree / 2 + 1, s.resolvedCount());
                    for (int l = 0; l <= 40; l++) {
                        boolean nonzero = l <= degree && (bias || l % 2 == 0);
                        assertEquals(nonzero ? MercerSpectrum.Status.RESOLVED : MercerSpectrum.Status.ZERO, s.status(l),
                                "L = " + layers + " bias " + bias + " " + type + " ℓ = " + l);
                    }
                }
            }
        }
    }

    @Test
    void geluFallsFasterThanAnyPower() {
        // §2.5 and §3.4: no power law for an analytic kernel; μ_40/μ_0 < 1e−12 instead.
        for (int d = 2; d <= 3; d++) {
            MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(new Gelu(), 3, true, d, KernelType.NNGP), 64);
            assertEquals(DecayFit.Status.FLOOR, s.decay().even().status(), s.decay().toString());
            assertEquals(DecayFit.Status.FLOOR, s.decay().odd().status(), s.decay().toString());
            assertTrue(Math.abs(s.raw(40)) < 1e-12 * s.raw(0), "μ_40/μ_0 = " + s.raw(40) / s.raw(0));
        }
        // Without bias the odd part of GELU is x/2: odd ℓ ≥ 3 vanish exactly at L = 2.
        MercerSpectrum noBias = MercerSpectrum.of(SphereKernel.paper(new Gelu(), 2, false, 2, KernelType.NTK), 64);
        for (int l = 3; l <= 64; l += 2) {
            assertEquals(0.0, noBias.eigenvalue(l), "ℓ = " + l);
        }
    }

    @Test
    void seluAndEluDecayWithTheirDegreeOfNonSmoothness() {
        // SELU and ELU(α ≠ 1): the derivative jumps at 0, k = 1. ELU(1) is C¹ with a jump in φ″: k = 2.
        Activation[] phi = {new Selu(), new Elu(0.5), new Elu(1)};
        int[] k = {1, 1, 2};
        for (int i = 0; i < phi.length; i++) {
            for (int d = 2; d <= 4; d++) {
                for (KernelType type : KernelType.values()) {
                    assertExponent(phi[i], k[i], 2, true, d, type, 64);
                }
            }
        }
    }

    @Test
    void biasFreeTwoLayerSeluAndEluSplitByParity() {
        // §2.2: the even and odd parts of φ have their own degrees, SELU (1, 2) and ELU(1) (3, 2).
        DecayPrediction[] prediction = {new DecayPrediction(1, 2), new DecayPrediction(3, 2)};
        Activation[] phi = {new Selu(), new Elu(1)};
        for (int i = 0; i < phi.length; i++) {
            for (KernelType type : KernelType.values()) {
                DecayExponents fit = MercerSpectrum.of(SphereKernel.paper(phi[i], 2, false, 3, type), 64).decay();
                for (Parity p : Parity.values()) {
                    assertEquals(prediction[i].exponent(3, type, false, 2, p), fit.of(p).exponent(), TOLERANCE,
                            phi[i].name() + " " + type + " " + fit.of(p));
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
