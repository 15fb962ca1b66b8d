package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.analysis.polynomials.PolynomialsUtils;
import org.junit.jupiter.api.Test;

/** Legendre polynomials of dimension d, multiplicities and the Funk–Hecke constant against textbook values. */
class SphericalHarmonicsTest {

    @Test
    void circleAndTwoSphereCasesAreChebyshevAndLegendre() {
        double[] p = new double[41], q = new double[41];
        for (double theta : new double[] {1e-9, 1e-3, 0.4, 1.3, Math.PI / 2, 2.9, Math.PI - 1e-6}) {
            SphericalHarmonics.legendreAtAngle(2, theta, p);
            SphericalHarmonics.legendre(2, Math.cos(theta), q);
            for (int l = 0; l <= 40; l++) {
                assertEquals(Math.cos(l * theta), p[l], 1e-13, "d = 2, θ = " + theta + ", ℓ = " + l);
                assertEquals(Math.cos(l * theta), q[l], 1e-12, "d = 2 plain recurrence, θ = " + theta + ", ℓ = " + l);
            }
            SphericalHarmonics.legendreAtAngle(3, theta, p);
            for (int l = 0; l <= 12; l++) {
                // Hipparchus' coefficient form cancels to ~1e−13 near t = 1 by ℓ = 12 (an exact rational
                // evaluation of P_12(cos 0.001) sides with the recurrence), hence 1e−12.
                double expected = PolynomialsUtils.createLegendrePolynomial(l).value(Math.cos(theta));
                assertEquals(expected, p[l], 1e-12, "d = 3, θ = " + theta + ", ℓ = " + l);
            }
        }
    }

    @Test
    void gegenbauerNormalisationForHigherDimensions() {
        // d = 4: P_ℓ(cos θ) = sin((ℓ+1)θ)/((ℓ+1) sin θ) (Chebyshev U normalised to 1 at t = 1).
        double[] p = new double[31];
        for (double theta : new double[] {0.01, 0.7, 2.0, 3.1}) {
            SphericalHarmonics.legendreAtAngle(4, theta, p);
            for (int l = 0; l <= 30; l++) {
                assertEquals(Math.sin((l + 1) * theta) / ((l + 1) * Math.sin(theta)), p[l], 1e-12, "θ = " + theta + ", ℓ = " + l);
            }
        }
    }

    @Test
    void multiplicitiesAndConstants() {
        for (int l = 1; l <= 50; l++) {
            assertEquals(2, SphericalHarmonics.multiplicity(2, l));
            assertEquals(2 * l + 1, SphericalHarmonics.multiplicity(3, l), 1e-9);
            assertEquals((l + 1) * (l + 1), SphericalHarmonics.multiplicity(4, l), 1e-9);
            assertEquals((l + 1) * (l + 2) * (2 * l + 3) / 6.0, SphericalHarmonics.multiplicity(5, l), 1e-9);
        }
        assertEquals(1, SphericalHarmonics.multiplicity(7, 0));
        assertEquals(1 / Math.PI, SphericalHarmonics.funkHeckeConstant(2), 1e-15);
        assertEquals(0.5, SphericalHarmonics.funkHeckeConstant(3), 1e-15);
        assertEquals(2 / Math.PI, SphericalHarmonics.funkHeckeConstant(4), 1e-15);
        MercerSpectrumTest.assertMessage(() -> SphericalHarmonics.multiplicity(1, 3), "d must be ≥ 2");
        MercerSpectrumTest.assertMessage(() -> SphericalHarmonics.legendre(3, 2, 1.5), "[−1, 1]");
    }

    @Test
    void predictionsForSmoothnessAndPolynomials() {
        assertEquals(1.5, DecayPrediction.samplePathSmoothness(1));
        assertEquals(Double.POSITIVE_INFINITY, DecayPrediction.samplePathSmoothness(DecayPrediction.SMOOTH));
        assertEquals(3, DecayPrediction.structureFunctionSlope(1, 3));
        assertEquals(4, DecayPrediction.structureFunctionSlope(2, 2), "m = 2 < k + 1/2 sees only 2m");
        assertEquals(2.5, DecayPrediction.sobolevOrder(3, 1, KernelType.NNGP));
        assertEquals(9, DecayPrediction.monomialNonzeroCount(2, 4, true));
        assertEquals(2, DecayPrediction.monomialNonzeroCount(3, 2, false), "x³ without bias: degrees 1 and 3");
    }
}
