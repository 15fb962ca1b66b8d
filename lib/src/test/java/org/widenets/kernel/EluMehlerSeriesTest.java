package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ELU's D by Mehler's series ({@link EluMehlerSeries}) against computations that share nothing with it:
 * the coefficients against quadrature of their defining integral, D = A − B₁ − B₂ + (π − θ)/(2π) against
 * the 1-D quadratures of A and B of {@link EluOrthantSeriesTest} (checked against mpmath there).
 */
class EluMehlerSeriesTest {

    @Test
    void coefficientsMatchQuadratureOfTheirIntegral() {
        // gₙ(q) = ∫_{−∞}^0 (e^{sz} − 1)·Heₙ(z)/√(n!)·φ(z) dz by 2 000 panels of 8-point Gauss–Legendre on [−40, 0],
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
                    double weight = width * rule.getWeight(i) * Math.expm1(s * z) * Math.exp(-z * z / 2) / StandardNormal.SQRT_2PI;
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
            // the forward recurrence carries g₀'s rounding δ as δ·sⁿ/√(n!) (the homogeneous solution), large
            // while n < q: ≈ 5e-16 absolute up to q = 12, 4e-13 at q = 24 (n ≈ 23; A's coefficients, the same
            // recurrence, against mpmath too); D is not sensitive to it (EluMehlerSeries), the test below
            // checks D itself
            double growth = 1;
            for (int n = 0; n < terms; n++) {
                growth = n == 0 ? 1 : growth * s / Math.sqrt(n);
                assertEquals(expected[n], actual[n][0], 2e-15 + 1e-15 * growth, "g_" + n + "(" + q + ")");
            }
        }
    }

    @Test
    void dMatchesQuadratureUpToEachBandsEdge() {
        // every band at its upper edge (the slowest convergence it takes), both signs of ρ, variances over
        // the Φ₂ route's [0.01, 24]; measured against mpmath: ≤ 1.7e-16 absolute. The reference,
        // A − B₁ − B₂ + (π − θ)/(2π) from 1-D quadratures good to ≈ 2e-16 relative, is good to ≈ 3e-16 absolute.
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
            double error = Math.abs(EluMehlerSeries.d(q11, q22, rho, last) - dByQuadrature(q11, q22, rho));
            worst = Math.max(worst, error);
        }
        System.out.println("ELU's D by Mehler's series vs quadrature: worst absolute error " + worst);
        assertTrue(worst <= 6e-16, "worst absolute error " + worst);
    }

    @Test
    void fewerTermsThanTheBandsWouldNotDo() {
        // the bands are not loose: at |ρ| = 0.69, 60 terms leave 3e-15 and 52 (the |ρ| < 0.6 band's) more
        // (mpmath), 76 (this band's) 2.5e-17, so the test above would catch a band table that took too few
        double q11 = 3, q22 = 5, rho = 0.69;
        double expected = dByQuadrature(q11, q22, rho);
        assertTrue(Math.abs(EluMehlerSeries.d(q11, q22, rho, 52) - expected) > 2e-15);
        assertTrue(Math.abs(EluMehlerSeries.d(q11, q22, rho, 76) - expected) < 6e-16);
    }

    /** D = A − B₁ − B₂ + (π − θ)/(2π) from the independent 1-D quadratures of EluOrthantSeriesTest. */
    private static double dByQuadrature(double q11, double q22, double rho) {
        double r = Math.sqrt((1 - rho) * (1 + rho));
        return EluOrthantSeriesTest.aByQuadrature(q11, q22, rho, r) - EluOrthantSeriesTest.bByQuadrature(q11, rho, r)
                - EluOrthantSeriesTest.bByQuadrature(q22, rho, r) + 0.25 + Math.asin(rho) / (2 * Math.PI);
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
