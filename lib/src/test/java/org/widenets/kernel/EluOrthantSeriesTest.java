package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ELU's B pieces by the series in asin ρ ({@link EluOrthantSeries}) against independent computations:
 * F_s against composite Gauss–Legendre quadrature of its integrand (which fixes the number of terms), and
 * b(q, ρ) = e^{q/2}Φ₂(−s, −ρs; ρ) against Genz's Φ₂ ({@link BivariateNormal}) and against a 1-D
 * quadrature of its definition, including ρ = 0 and |ρ| = 1 − 1e-12.
 */
class EluOrthantSeriesTest {

    private static final GaussIntegrator GL = new GaussIntegratorFactory().legendreHighPrecision(20);

    @BeforeAll
    static void vectorModule() {
        assumeTrue(VectorModule.PRESENT, "needs --add-modules jdk.incubator.vector");
    }

    /** ∫ₐᵇ f by 20-point Gauss–Legendre on {@code panels} equal panels. */
    private static double integral(java.util.function.DoubleUnaryOperator f, double a, double b, int panels) {
        double sum = 0, width = (b - a) / panels;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * width, half = width / 2, part = 0;
            for (int i = 0; i < GL.getNumberOfPoints(); i++) {
                part += GL.getWeight(i) * f.applyAsDouble(mid + half * GL.getPoint(i));
            }
            sum += half * part;
        }
        return sum;
    }

    @Test
    void oddPartMatchesQuadratureOfTheIntegralOverThePhi2RoutesVariances() {
        // the integrand is entire: 16 panels of 20 points are exact to rounding; the reference's error is
        // that of the scalar erfcx (3.6 ulp), independent of the series' vector erfcx and cosine transform.
        // Up to s² = MAX_VARIANCE (32), beyond the Φ₂ route's 24
        double worst = 0;
        for (int a = 0; a <= 60; a++) {
            double s = 0.1 + (Math.sqrt(EluOrthantSeries.MAX_VARIANCE) - 0.1) * a / 60;
            EluOrthantSeries series = EluOrthantSeries.of(s * s);
            for (int b = -40; b <= 40; b++) {
                double theta = Math.PI / 2 * b / 40;
                double f = integral(phi -> StandardNormal.erfcx(s * Math.cos(phi) / StandardNormal.SQRT_2) * Math.cos(phi),
                        0, theta, 16);
                double expected = theta / (2 * Math.PI) - s / (2 * StandardNormal.SQRT_2PI) * f;
                worst = Math.max(worst, Math.abs(series.oddPart(theta) - expected));
            }
        }
        System.out.println("ELU orthant series vs quadrature of F_s: worst absolute error " + worst);
        assertTrue(worst <= 1.5e-16, "worst " + worst); // 18 terms (the count for s² ≤ 12): 1.8e-14
    }

    @Test
    void bMatchesBivariateNormalAndAOneDimensionalQuadrature() {
        double[] variances = {0.01, 0.3, 1, 5, 12, 16, 20, 24, 32};
        double[] rhos = {-1 + 1e-12, -1 + 1e-8, -0.9999, -0.93, -0.5, -0.1, 0, 0.2, 0.6, 0.9, 0.99, 1 - 1e-8, 1 - 1e-12};
        double worstBvn = 0, worstQuadrature = 0;
        for (double q : variances) {
            double s = Math.sqrt(q);
            EluOrthantSeries series = EluOrthantSeries.of(q);
            double quarter = 0.25 * StandardNormal.erfcx(s / StandardNormal.SQRT_2);
            for (double rho : rhos) {
                double r = Math.sqrt((1 - rho) * (1 + rho)); // 1 − ρ exact: r good to an ulp
                double b = quarter + series.oddPart(Math.atan2(rho, r));
                double bvn = Math.exp(q / 2) * BivariateNormal.cdf(-s, -rho * s, rho, r);
                double quadrature = bByQuadrature(q, rho, r);
                String at = "q " + q + ", rho " + rho;
                // e^{q/2} scales Φ₂'s ≈ 1e-17 absolute error (the reason for the series): above q = 12
                // the Φ₂ check loosens by that factor, the quadrature check below does not
                assertEquals(bvn, b, 1e-15 * Math.max(1, Math.exp((q - 12) / 2)), "Φ₂ at " + at);
                assertEquals(quadrature, b, 1e-15, "quadrature at " + at);
                worstBvn = Math.max(worstBvn, Math.abs(b - bvn));
                worstQuadrature = Math.max(worstQuadrature, Math.abs(b - quadrature));
            }
            // ρ = 0: b = ¼erfcx(s/√2) exactly (θ = 0)
            assertEquals(quarter, quarter + series.oddPart(0), 0.0, "rho 0 at q " + q);
        }
        System.out.println("ELU orthant series b vs Φ₂: " + worstBvn + ", vs 1-D quadrature: " + worstQuadrature);
    }

    @Test
    void atLargeVariancesTheSeriesIsCloserToTheQuadratureThanGenzsPhi2() {
        // e^{q/2} (up to 1.6e5) multiplies Φ₂'s absolute error (≈ 1e-17 with Genz's 6 points near |ρ| = 0.3)
        // into the 1e-15 range; the series carries no such factor
        double worstSeries = 0, worstBvn = 0;
        for (double q : new double[] {8, 10, 11.48, 12, 16, 20, 24}) {
            double s = Math.sqrt(q);
            EluOrthantSeries series = EluOrthantSeries.of(q);
            double quarter = 0.25 * StandardNormal.erfcx(s / StandardNormal.SQRT_2);
            for (int i = -40; i <= 40; i++) {
                double rho = 0.3 * i / 40, r = Math.sqrt((1 - rho) * (1 + rho));
                double quadrature = bByQuadrature(q, rho, r);
                worstSeries = Math.max(worstSeries, Math.abs(quarter + series.oddPart(Math.atan2(rho, r)) - quadrature));
                worstBvn = Math.max(worstBvn, Math.abs(Math.exp(q / 2) * BivariateNormal.cdf(-s, -rho * s, rho, r) - quadrature));
            }
        }
        System.out.println("b at q 8 … 24, |ρ| ≤ 0.3 vs 1-D quadrature: series " + worstSeries + ", e^{q/2}Φ₂ " + worstBvn);
        assertTrue(worstSeries <= 3e-16, "series " + worstSeries);
        assertTrue(worstBvn > 3 * worstSeries, "Φ₂ " + worstBvn);
    }

    /**
     * b(q, ρ) = (1/√(2π)) ∫₀^∞ e^{−su − u²/2} Φ(ρu/r) du (u = −s − z in e^{q/2}∫_{z&lt;−s} φ(z)Φ(…) dz), on
     * panels graded towards 0 down to the width r = √(1 − ρ²) of Φ's step, then 24 panels to 12 (where
     * the integrand is below 1e-31); 20-point Gauss–Legendre on each, StandardNormal's Φ.
     */
    static double bByQuadrature(double q, double rho, double r) {
        double s = Math.sqrt(q), quadrature = 0, left = 0;
        java.util.function.DoubleUnaryOperator f = u -> Math.exp(-s * u - u * u / 2) * StandardNormal.cdf(rho * u / r);
        for (double right = r; right < 1; right *= 2) {
            quadrature += integral(f, left, right, 1);
            left = right;
        }
        quadrature += integral(f, left, 12, 24);
        return quadrature / StandardNormal.SQRT_2PI;
    }
    /**
     * A = E[e^{u+v}; u &lt; 0, v &lt; 0] = e^{(q11 + 2q12 + q22)/2}Φ₂(−(s₁ + ρs₂), −(ρs₁ + s₂); ρ) without Φ₂, by
     * Owen's decomposition of the orthant into two wedges: A = (J(s₁ + ρs₂, q22r²) + J(ρs₁ + s₂, q11r²))/(2π),
     * J(a, c) = a∫₀^∞ e^{−(t² + 2√c·t)/2}/(a² + (√c + t)²) dt (= a·e^{c/2}∫_{√c}^∞ e^{−y²/2}/(a² + y²) dy,
     * Owen's T in the form whose e^{Q/2} cancels). Panels graded towards 0 down to |a| + √c (the width of the
     * rational factor), then 24 panels to 12; 20-point Gauss–Legendre on each. r = √(1 − ρ²).
     */
    static double aByQuadrature(double q11, double q22, double rho, double r) {
        double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22);
        return (wedge(s1 + rho * s2, s2 * r) + wedge(rho * s1 + s2, s1 * r)) / (2 * Math.PI);
    }

    private static double wedge(double a, double sqrtC) {
        if (a == 0) {
            return 0;
        }
        java.util.function.DoubleUnaryOperator f =
                t -> Math.exp(-(t * t + 2 * sqrtC * t) / 2) / (a * a + (sqrtC + t) * (sqrtC + t));
        double quadrature = 0, left = 0;
        for (double right = Math.max(1e-300, Math.abs(a) + sqrtC); right < 1; right *= 2) {
            quadrature += integral(f, left, right, 1);
            left = right;
        }
        quadrature += integral(f, left, 12, 24);
        return a * quadrature;
    }

    @Test
    void aByQuadratureMatchesMpmath() {
        // A to 20 digits by mpmath (40-digit arithmetic) as E[e^{u} 1[u<0] E[e^{v}1[v<0] | u]], a conditional
        // 1-D integral unrelated to the wedges above: (q11, q22, ρ, A)
        double[][] cases = {{6, 5, 0.5, 0.025836601799253187804}, {1, 2, 0.2, 0.059031267475860813023},
            {0.1, 3, -0.4, 0.065625020084268091143}, {10, 12, 0.9, 0.024488355056450485235},
            {2, 2, -0.8, 0.039424758396525249121}};
        for (double[] c : cases) {
            double rho = c[2], r = Math.sqrt((1 - rho) * (1 + rho));
            assertEquals(c[3], aByQuadrature(c[0], c[1], rho, r), 5e-16 * c[3], "A at " + java.util.Arrays.toString(c));
        }
    }
}
