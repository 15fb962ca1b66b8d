package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ELU's A by Mehler's series ({@link EluMehlerSeries}) against computations that share nothing with it:
 * the coefficients against quadrature of their defining integral, A against the 1-D wedge quadrature of
 * {@link EluOrthantSeriesTest#aByQuadrature} (itself checked against mpmath).
 */
class EluMehlerSeriesTest {

    @Test
    void coefficientsMatchQuadratureOfTheirIntegral() {
        // cₙ(q) = ∫_{−∞}^0 e^{sz}·Heₙ(z)/√(n!)·φ(z) dz by 2 000 panels of 8-point Gauss–Legendre on [−40, 0],
        // the normalised Hermite polynomials by their three-term recurrence (no recurrence in n of the integral)
        org.hipparchus.analysis.integration.gauss.GaussIntegrator rule =
                new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(8, 0, 1);
        int terms = EluMehlerSeries.TERMS;
        for (double q : new double[] {0.01, 0.7, 3, 12, 24}) {
            double s = Math.sqrt(q);
            double[] expected = new double[terms];
            int panels = 2000;
            double width = 40.0 / panels;
            for (int p = 0; p < panels; p++) {
                for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                    double z = -40 + width * (p + rule.getPoint(i));
                    double weight = width * rule.getWeight(i) * Math.exp(s * z - z * z / 2) / StandardNormal.SQRT_2PI;
                    double previous = 0, h = 1; // heₙ = Heₙ/√(n!): heₙ₊₁ = (z·heₙ − √n·heₙ₋₁)/√(n + 1)
                    for (int n = 0; n < terms; n++) {
                        expected[n] += weight * h;
                        double next = (z * h - Math.sqrt(n) * previous) / Math.sqrt(n + 1);
                        previous = h;
                        h = next;
                    }
                }
            }
            double[][] actual = new double[terms][1];
            EluMehlerSeries.coefficients(q, StandardNormal.erfcx(s / StandardNormal.SQRT_2), actual, 0);
            // the forward recurrence carries c₀'s rounding δ as δ·sⁿ/√(n!) (the homogeneous solution), large
            // while n < q: measured 5e-16 absolute up to q = 12, 4e-13 at q = 24 (n = 23, against mpmath too);
            // A is not sensitive to it (EluMehlerSeries), the test below checks A itself
            double growth = 1;
            for (int n = 0; n < terms; n++) {
                growth = n == 0 ? 1 : growth * s / Math.sqrt(n);
                assertEquals(expected[n], actual[n][0], 2e-15 + 1e-15 * growth, "c_" + n + "(" + q + ")");
            }
        }
    }

    @Test
    void aMatchesTheWedgeQuadratureUpToEachBandsEdge() {
        // every band at its upper edge (the slowest convergence it takes), both signs of ρ, variances over
        // the Φ₂ route's [0.01, 24]; measured against mpmath: ≤ 1.5e-15 relative
        Random random = new Random(88);
        double worst = 0;
        double[] edges = {0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7};
        for (int trial = 0; trial < 4500; trial++) {
            double q11 = variance(random), q22 = variance(random);
            double edge = edges[trial % edges.length];
            double rho = (random.nextBoolean() ? 1 : -1) * edge * (1 - 0.02 * random.nextDouble());
            double q12 = rho * Math.sqrt(q11 * q22);
            int last = EluMehlerSeries.terms(q12 * q12, q11 * q22);
            assertTrue(last >= 0, "on the series at ρ = " + rho);
            double r = Math.sqrt((1 - rho) * (1 + rho));
            double expected = EluOrthantSeriesTest.aByQuadrature(q11, q22, rho, r);
            double error = Math.abs(EluMehlerSeries.a(q11, q22, rho, last) - expected) / expected;
            worst = Math.max(worst, error);
        }
        System.out.println("ELU's A by Mehler's series vs quadrature: worst relative error " + worst);
        assertTrue(worst <= 4e-15, "worst relative error " + worst);
    }

    @Test
    void fewerTermsThanTheBandsWouldNotDo() {
        // the bands are not loose: at |ρ| = 0.69 the previous band's 72 terms leave 1.6e-14 (mpmath), so the
        // test above would catch a band table that took too few
        double q11 = 3, q22 = 5, rho = 0.69, r = Math.sqrt((1 - rho) * (1 + rho));
        double expected = EluOrthantSeriesTest.aByQuadrature(q11, q22, rho, r);
        assertTrue(Math.abs(EluMehlerSeries.a(q11, q22, rho, 72) - expected) / expected > 5e-15);
        assertTrue(Math.abs(EluMehlerSeries.a(q11, q22, rho, 88) - expected) / expected < 4e-15);
    }

    @Test
    void bandsByCorrelation() {
        // |ρ| just inside each band's upper edge takes that band's end, just outside the next one's
        double[] edges = {0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7};
        for (int band = 0; band < edges.length; band++) {
            double q11 = 0.3 + band, q22 = 7.5 - 0.5 * band, p = q11 * q22;
            double inside = edges[band] * 0.999, outside = edges[band] * 1.001;
            assertEquals(EluMehlerSeries.BAND_TERMS[band], EluMehlerSeries.terms(inside * inside * p, p), "inside " + edges[band]);
            int next = band + 1 < edges.length ? EluMehlerSeries.BAND_TERMS[band + 1] : -1;
            assertEquals(next, EluMehlerSeries.terms(outside * outside * p, p), "outside " + edges[band]);
        }
        assertEquals(-1, EluMehlerSeries.terms(0.99, 1));
    }

    private static double variance(Random random) {
        return random.nextBoolean() ? Math.exp(Math.log(0.01) + Math.log(2400) * random.nextDouble())
                : 0.01 + 23.99 * random.nextDouble();
    }
}
