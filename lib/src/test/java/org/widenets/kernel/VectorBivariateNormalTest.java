package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Φ₂ over lanes ({@link VectorBivariateNormal}, through {@link BivariateNormal#cdf(double[], double[],
 * double[], double[])}) against the scalar {@link BivariateNormal#cdf(double, double, double)}: to 1e-15
 * absolute on a grid that crosses Genz's rule switches (0.3, 0.75, 0.925) and approaches ±1, and for
 * ρ ≥ 0 in relative terms in the lower tail; a lane's value independent of its neighbours and of how many argument
 * pairs share its correlation; the angle helpers against Angles and StrictMath.
 */
class VectorBivariateNormalTest {

    @BeforeAll
    static void vectorModule() {
        assumeTrue(VectorModule.PRESENT, "needs --add-modules jdk.incubator.vector");
    }

    private static final double[] POINTS = {-7, -5, -2.5, -1, -0.5, 0, 0.3, 1.7, 4, 6.5};
    private static final double[] RHOS = {-1, -1 + 1e-12, -1 + 1e-8, -0.9999, -0.99, -0.93, -0.925000001, -0.925,
            -0.924999999, -0.8, -0.75, -0.5, -0.3, -0.2999999, -0.1, -1e-9, 0, 1e-9, 0.1, 0.2999999, 0.3, 0.4,
            0.7499999, 0.75, 0.76, 0.924999999, 0.925, 0.925000001, 0.93, 0.99, 0.9999, 1 - 1e-8, 1 - 1e-12, 1};

    @Test
    void plackettRulesAreGaussLegendre() {
        // Genz's three are his tables (BivariateNormal); the 14- and 16-point ones, written out, must be
        // Hipparchus' high-precision Gauss–Legendre rules to the bit
        for (int rule = 0; rule < VectorBivariateNormal.EXPANSION; rule++) {
            int points = VectorBivariateNormal.PLACKETT_POINTS[rule];
            double[] x = VectorBivariateNormal.PLACKETT_X[rule], w = VectorBivariateNormal.PLACKETT_W[rule];
            assertEquals(points / 2, x.length, "nodes of rule " + rule);
            assertEquals(points / 2, w.length, "weights of rule " + rule);
            if (points == 14 || points == 16) {
                org.hipparchus.analysis.integration.gauss.GaussIntegrator gl =
                        new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendreHighPrecision(points);
                for (int i = 0; i < points / 2; i++) {
                    assertEquals(gl.getPoint(i), x[i], 0.0, points + "-point node " + i);
                    assertEquals(gl.getWeight(i), w[i], 0.0, points + "-point weight " + i);
                }
            }
        }
    }

    @Test
    void batchAgreesWithTheScalarCdfTo1e15OnAGridThroughTheRuleSwitches() {
        List<double[]> args = new ArrayList<>();
        for (double h : POINTS) {
            for (double k : POINTS) {
                for (double rho : RHOS) {
                    args.add(new double[] {h, k, rho});
                }
            }
        }
        double[] h = column(args, 0), k = column(args, 1), rho = column(args, 2), out = new double[args.size()];
        BivariateNormal.cdf(h, k, rho, out);
        double worst = 0, worstRelative = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            double expected = BivariateNormal.cdf(h[i], k[i], rho[i]);
            double error = Math.abs(out[i] - expected);
            worst = Math.max(worst, error);
            if (expected > 1e-280) {
                worstRelative = Math.max(worstRelative, error / expected);
            }
            // absolute 1e-15, and for ρ ≥ 0 relative 1e-12 in the tails where Φ₂ is tiny (ELU multiplies it
            // by up to e²⁴). For ρ < 0 deep in the lower tail BVND's terms cancel (Φ(−h)Φ(−k) against the
            // integral, down to Φ₂ = 1e-40 from terms of 1e-24) and neither value has relative digits.
            if (error > 1e-15 || (rho[i] >= 0 && error > 1e-12 * expected + 1e-300)) {
                failures.add(String.format("(%g, %g, %.12g): %.17g vs %.17g", h[i], k[i], rho[i], out[i], expected));
            }
        }
        System.out.println("VectorBivariateNormal: worst absolute difference " + worst + ", relative " + worstRelative);
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures.subList(0, Math.min(6, failures.size())));
    }

    @Test
    void randomArgumentsAgreeWithTheScalarCdf() {
        Random random = new Random(21);
        int n = 20_000;
        double[] h = new double[n], k = new double[n], rho = new double[n], out = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = random.nextGaussian() * 3;
            k[i] = random.nextGaussian() * 3;
            rho[i] = i % 3 == 0 ? Math.signum(random.nextDouble() - 0.5) * (1 - Math.pow(10, -12 * random.nextDouble()))
                    : 2 * random.nextDouble() - 1;
        }
        BivariateNormal.cdf(h, k, rho, out);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double expected = BivariateNormal.cdf(h[i], k[i], rho[i]);
            worst = Math.max(worst, Math.abs(out[i] - expected));
            assertEquals(expected, out[i], 1e-15, "(" + h[i] + ", " + k[i] + ", " + rho[i] + ")");
            if (rho[i] >= 0) {
                assertEquals(expected, out[i], 1e-12 * expected + 1e-300, "relative (" + h[i] + ", " + k[i] + ", " + rho[i] + ")");
            }
        }
        System.out.println("VectorBivariateNormal: random arguments, worst absolute difference " + worst);
    }

    @Test
    void limitsOffTheLanesGoToTheScalarCdfAndBadInputThrows() {
        double inf = Double.POSITIVE_INFINITY;
        double[] h = {inf, -inf, 0.3, 0.3, 0.3, 1}, k = {0.7, 1, -inf, 0.2, 0.2, 2}, rho = {0.5, 0.5, 0.1, 1, -1, 0.2};
        double[] out = new double[h.length];
        BivariateNormal.cdf(h, k, rho, out);
        for (int i = 0; i < h.length - 1; i++) {
            assertEquals(BivariateNormal.cdf(h[i], k[i], rho[i]), out[i], 0.0);
        }
        assertThrows(IllegalArgumentException.class,
                () -> BivariateNormal.cdf(new double[] {Double.NaN}, new double[] {0}, new double[] {0}, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> BivariateNormal.cdf(new double[] {0}, new double[] {0}, new double[] {1.5}, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> BivariateNormal.cdf(new double[] {0}, new double[] {0, 1}, new double[] {0.5}, new double[1]));
    }

    @Test
    void aLaneDependsOnlyOnItsArgumentsNotOnNeighboursOrSharedPairs() {
        Random random = new Random(22);
        int lanes = VectorNormal.LANES;
        for (int rule = 0; rule <= VectorBivariateNormal.EXPANSION; rule++) {
            // the bands of every Plackett rule (6 and 12 points: Genz's; 14, 16, 20: EluBlock.rule's) and the
            // expansion
            double low = new double[] {0, 0.3, 0.7, 0.85, 0.9, 0.925}[rule];
            double high = new double[] {0.3, 0.75, 0.85, 0.9, 0.925, 1}[rule];
            for (int trial = 0; trial < 20; trial++) {
                // three pairs per entry sharing ρ, over one vector of entries with different ρ
                int m = 3, np = lanes;
                double[] h = new double[m * np], k = new double[m * np], rho = new double[np], sin = new double[np],
                        asin = new double[np];
                for (int e = 0; e < np; e++) {
                    double a = low + (high - low) * random.nextDouble();
                    rho[e] = random.nextBoolean() ? a : -a;
                    sin[e] = Math.sqrt((1 - rho[e]) * (1 + rho[e]));
                    for (int j = 0; j < m; j++) {
                        h[j * np + e] = random.nextGaussian() * 3;
                        k[j * np + e] = random.nextGaussian() * 3;
                    }
                }
                fillAsin(rho, sin, asin);
                double[] out = upper(rule, np, m, h, k, rho, sin, asin);
                for (int e = 0; e < np; e++) {
                    for (int j = 0; j < m; j++) {
                        // the same entry alone in every lane, with one pair
                        double[] h1 = new double[lanes], k1 = new double[lanes], r1 = new double[lanes],
                                s1 = new double[lanes], a1 = new double[lanes];
                        java.util.Arrays.fill(h1, h[j * np + e]);
                        java.util.Arrays.fill(k1, k[j * np + e]);
                        java.util.Arrays.fill(r1, rho[e]);
                        java.util.Arrays.fill(s1, sin[e]);
                        java.util.Arrays.fill(a1, asin[e]);
                        assertEquals(upper(rule, 1, 1, h1, k1, r1, s1, a1)[0], out[j * np + e], 0.0,
                                "rule " + rule + ", entry " + e + ", pair " + j);
                    }
                }
            }
        }
    }

    @Test
    void thetaHasTheBitsOfAnglesAndAsinIsAccurateInRelativeTerms() {
        Random random = new Random(23);
        int lanes = VectorNormal.LANES;
        double[] y = new double[lanes], x = new double[lanes], theta = new double[lanes], asin = new double[lanes];
        double worst = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            for (int e = 0; e < lanes; e++) {
                // ρ = cos θ over (−1, 1), with ρ ≈ 0 and |ρ| ≈ 1 as often as the middle
                double rho = switch (e % 3) {
                    case 0 -> 2 * random.nextDouble() - 1;
                    case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, -10 * random.nextDouble());
                    default -> Math.signum(random.nextDouble() - 0.5) * (1 - Math.pow(10, -14 * random.nextDouble()));
                };
                double scale = Math.exp(4 * random.nextGaussian());
                x[e] = rho * scale;                                         // q12
                y[e] = Math.sqrt((1 - rho) * (1 + rho)) * scale;           // √(q11 q22 − q12²)
            }
            VectorBivariateNormal.angles(y, x, theta, asin, lanes);
            for (int e = 0; e < lanes; e++) {
                assertEquals(Angles.angle(y[e], x[e]), theta[e], 0.0, "θ(" + y[e] + ", " + x[e] + ")");
                double expected = StrictMath.atan2(x[e], y[e]);               // = asin ρ, exact inputs
                worst = Math.max(worst, Math.abs(asin[e] - expected) / Math.ulp(expected));
            }
        }
        System.out.println("VectorBivariateNormal.asin: worst " + worst + " ulp from StrictMath.atan2");
        assertTrue(worst <= 2, "worst " + worst + " ulp");
    }

    private static double[] upper(int rule, int n, int m, double[] h, double[] k, double[] rho, double[] sin,
                                  double[] asin) {
        double[] out = new double[m * VectorNormal.padded(n)];
        VectorBivariateNormal.upper(rule, n, m, h, k, rho, sin, asin, out, new VectorBivariateNormal.Scratch(m));
        return out;
    }

    private static void fillAsin(double[] rho, double[] sin, double[] asin) {
        VectorBivariateNormal.angles(sin, rho, new double[rho.length], asin, rho.length);
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
