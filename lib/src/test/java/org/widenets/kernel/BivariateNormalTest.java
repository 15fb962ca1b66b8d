package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Genz's Φ₂ against the 1-D integral Φ₂(h, k; ρ) = ∫_{−∞}^{h} φ(z)·Φ((k − ρz)/√(1 − ρ²)) dz, computed
 * here with Hipparchus' Gauss–Legendre rule on unit panels that shrink geometrically (down to the
 * scale √(1−ρ²)/|ρ|) towards z = k/ρ, where the inner Φ becomes a step as |ρ| → 1.
 */
class BivariateNormalTest {

    private static final double[] POINTS = {-5, -2, -0.5, 0, 0.3, 1.7, 4};
    private static final double[] RHOS = {-1 + 1e-12, -0.999, -0.99, -0.93, -0.8, -0.5, -0.2, 0, 0.1, 0.4,
            0.76, 0.924, 0.926, 0.999, 1 - 1e-12};
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(20, -1, 1);

    @Test
    void agreesWithOneDimensionalIntegralTo1e14() {
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (double h : POINTS) {
            for (double k : POINTS) {
                for (double rho : RHOS) {
                    double expected = integral(h, k, rho);
                    double actual = BivariateNormal.cdf(h, k, rho);
                    double err = Math.abs(actual - expected);
                    worst = Math.max(worst, err);
                    if (err > 1e-14) {
                        failures.add(String.format("(%g, %g, %.15g): %.17g vs %.17g", h, k, rho, actual, expected));
                    }
                }
            }
        }
        System.out.println("BivariateNormal: worst absolute error " + worst);
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures.subList(0, Math.min(6, failures.size())));
    }

    @Test
    void exactAtPerfectCorrelation() {
        for (double h : POINTS) {
            for (double k : POINTS) {
                assertEquals(StandardNormal.cdf(Math.min(h, k)), BivariateNormal.cdf(h, k, 1), 0);
                assertEquals(Math.max(0, StandardNormal.cdf(h) - StandardNormal.cdf(-k)),
                        BivariateNormal.cdf(h, k, -1), 0);
                // Continuity into the exact limits.
                assertEquals(BivariateNormal.cdf(h, k, 1), BivariateNormal.cdf(h, k, 1 - 1e-14), 1e-7);
                assertEquals(BivariateNormal.cdf(h, k, -1), BivariateNormal.cdf(h, k, -1 + 1e-14), 1e-7);
            }
        }
    }

    @Test
    void reflectionAndIndependenceIdentities() {
        for (double h : POINTS) {
            for (double k : POINTS) {
                assertEquals(StandardNormal.cdf(h) * StandardNormal.cdf(k), BivariateNormal.cdf(h, k, 0), 1e-16);
                for (double rho : RHOS) {
                    // P(Z1 ≤ h, Z2 ≤ k) + P(Z1 ≤ h, −Z2 ≤ −k) = Φ(h), with corr(Z1, −Z2) = −ρ.
                    assertEquals(StandardNormal.cdf(h),
                            BivariateNormal.cdf(h, k, rho) + BivariateNormal.cdf(h, -k, -rho), 2e-15);
                    assertEquals(BivariateNormal.cdf(h, k, rho), BivariateNormal.cdf(k, h, rho), 1e-15);
                }
            }
        }
    }

    @Test
    void infiniteLimitsAndBadInput() {
        assertEquals(0, BivariateNormal.cdf(Double.NEGATIVE_INFINITY, 1, 0.5));
        assertEquals(StandardNormal.cdf(0.7), BivariateNormal.cdf(Double.POSITIVE_INFINITY, 0.7, 0.5), 0);
        assertEquals(1, BivariateNormal.cdf(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, -0.3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BivariateNormal.cdf(0, 0, 1.5));
        assertTrue(e.getMessage().contains("rho"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BivariateNormal.cdf(Double.NaN, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BivariateNormal.cdf(0, 0, Double.NaN));
    }

    /** ∫_{−38}^{h} φ(z) Φ((k − ρz)/r) dz on graded Gauss–Legendre panels. */
    private static double integral(double h, double k, double rho) {
        double r = Math.sqrt((1 - rho) * (1 + rho));
        List<Double> breaks = new ArrayList<>();
        for (double z = -38; z < h; z += 1) {
            breaks.add(z);
        }
        breaks.add(h);
        if (rho != 0) {
            double centre = k / rho;
            double scale = r / Math.abs(rho) / 4;
            breaks.add(centre);
            for (double d = scale; d < 1; d *= 2) {
                breaks.add(centre - d);
                breaks.add(centre + d);
            }
        }
        double[] b = breaks.stream().mapToDouble(Double::doubleValue).filter(z -> z >= -38 && z <= h)
                .sorted().distinct().toArray();
        double sum = 0;
        for (int p = 0; p + 1 < b.length; p++) {
            double lo = b[p], hi = b[p + 1], half = (hi - lo) / 2, mid = (hi + lo) / 2;
            for (int i = 0; i < RULE.getNumberOfPoints(); i++) {
                double z = mid + half * RULE.getPoint(i);
                sum += half * RULE.getWeight(i) * StandardNormal.pdf(z) * StandardNormal.cdf((k - rho * z) / r);
            }
        }
        return sum;
    }
}
