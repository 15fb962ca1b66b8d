package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lane functions of {@link VectorNormal} against StrictMath and {@link StandardNormal}: exp within
 * 1 ulp over its whole range including the subnormal edge, erfcx within a few ulp of the scalar one, Φ to rounding; and a lane's value independent of the other lanes.
 */
class VectorNormalTest {

    @BeforeAll
    static void vectorModule() {
        assumeTrue(VectorModule.PRESENT, "needs --add-modules jdk.incubator.vector");
    }

    private static final int L = VectorNormal.LANES;

    /** The array methods of VectorNormal, applied to a copy padded to whole vectors. */
    private interface ArrayFunction {
        void apply(double[] values, int n);
    }

    private static double[] abs(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.abs(x[i]);
        }
        return a;
    }

    private static double[] map(ArrayFunction f, double[] x) {
        int n = VectorNormal.padded(x.length);
        double[] values = java.util.Arrays.copyOf(x, n);
        f.apply(values, n);
        return java.util.Arrays.copyOf(values, x.length);
    }

    private static final ArrayFunction EXP = (v, n) -> VectorNormal.exp(v, 0, n);
    private static final ArrayFunction ERFCX = (v, n) -> VectorNormal.erfcx(v, 0, n);
    private static final ArrayFunction CDF = (v, n) -> VectorNormal.cdf(v, new double[2 * n], n);

    /** |a − b| in units of the last place of b (subnormal ulps below 2⁻¹⁰²²). */
    private static double ulps(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.ulp(b);
    }

    @Test
    void expIsWithinOneUlpOfStrictMathOverTheWholeRange() {
        Random random = new Random(11);
        int n = 400_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> x[i] = -746 + 1456 * random.nextDouble();          // everything, incl. both edges
                case 1 -> x[i] = -746 + 38 * random.nextDouble();            // subnormal results and the edge
                case 2 -> x[i] = (random.nextDouble() - 0.5) * 1.4;          // |r| up to ln 2 / 2 and past it
                default -> x[i] = -60 * random.nextDouble();                 // Genz's integrands
            }
        }
        double[] y = map(EXP, x);
        double worst = 0, worstSubnormal = 0;
        for (int i = 0; i < n; i++) {
            double expected = StrictMath.exp(x[i]);
            if (expected < Double.MIN_NORMAL) {
                worstSubnormal = Math.max(worstSubnormal, Math.abs(y[i] - expected) / Double.MIN_VALUE);
            } else {
                worst = Math.max(worst, ulps(y[i], expected));
            }
        }
        System.out.println("VectorNormal.exp: worst " + worst + " ulp (normal), " + worstSubnormal
                + " ulp (subnormal results)");
        assertTrue(worst <= 1, "worst " + worst + " ulp");
        assertTrue(worstSubnormal <= 1, "worst subnormal " + worstSubnormal + " ulp");
    }

    @Test
    void expEdgesAndSpecialValues() {
        double[] x = {0, -0.0, 1, -1, 1e-300, -1e-300, 709.78, 709.79, 710, 1e10, Double.POSITIVE_INFINITY,
                -745.13, -745.14, -746, -1e10, Double.NEGATIVE_INFINITY, Double.NaN, Math.log(Double.MIN_NORMAL)};
        double[] y = map(EXP, x);
        for (int i = 0; i < x.length; i++) {
            double expected = StrictMath.exp(x[i]);
            if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
                assertEquals(expected, y[i], 0.0, "exp(" + x[i] + ")");
            } else {
                assertTrue(ulps(y[i], expected) <= 1, "exp(" + x[i] + ") = " + y[i] + " vs " + expected);
            }
        }
        assertEquals(1.0, y[0], 0.0);
    }

    @Test
    void erfcxAgreesWithTheScalarSeriesAndContinuedFraction() {
        Random random = new Random(12);
        int n = 100_000;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = switch (i % 3) {
                case 0 -> 3 * random.nextDouble();
                case 1 -> 3 + 40 * random.nextDouble();
                default -> Math.exp(Math.log(3) + 60 * random.nextDouble());   // 3 … 1e26
            };
        }
        double[] y = map(ERFCX, z);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double expected = StandardNormal.erfcx(z[i]);
            worst = Math.max(worst, ulps(y[i], expected));
        }
        System.out.println("VectorNormal.erfcx: worst " + worst + " ulp from the scalar erfcx");
        // one series for all z against the scalar series below 3 and continued fraction above: both within
        // 3.6 ulp of the exact value (checked once against mpmath at 4000 points: 3.23 and 3.55 ulp)
        assertTrue(worst <= 7, "worst " + worst + " ulp");
        double[] limits = map(ERFCX, new double[] {Double.POSITIVE_INFINITY, 1e300, 0});
        assertEquals(0.0, limits[0], 0.0);
        assertEquals(1 / (StandardNormal.SQRT_PI * 1e300), limits[1], 1e-15 * limits[1]);
        assertEquals(1.0, limits[2], 1e-16);
    }

    @Test
    void cdfAgreesWithTheScalarInRelativeTermsIntoTheTails() {
        Random random = new Random(13);
        int n = 100_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -40 + 48 * random.nextDouble();
        }
        double[] y = map(CDF, x);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double expected = StandardNormal.cdf(x[i]);
            if (expected > 1e-300) {
                worst = Math.max(worst, Math.abs(y[i] - expected) / expected);
            } else {
                assertEquals(expected, y[i], 1e-300, "Φ(" + x[i] + ")");
            }
        }
        System.out.println("VectorNormal.cdf: worst relative difference " + worst);
        // ε·x² from the rounding of −x/√2 alone, for |x| up to 38
        assertTrue(worst <= 2e-13, "worst " + worst);
        double[] limits = map(CDF, new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
                -1e300, 1e300});
        assertEquals(0.0, limits[0], 0.0);
        assertEquals(1.0, limits[1], 0.0);
        assertEquals(0.5, limits[2], 0.0);
        assertEquals(0.0, limits[3], 0.0);
        assertEquals(1.0, limits[4], 0.0);
    }

    @Test
    void aLaneDoesNotDependOnTheOtherLanesNorOnItsPlaceInTheArray() {
        // long arrays run two vectors per step (erfcx), a single vector the remainder loop: the same bits
        Random random = new Random(14);
        for (int trial = 0; trial < 40; trial++) {
            double[] x = new double[5 * L];
            for (int i = 0; i < x.length; i++) {
                x[i] = (random.nextDouble() - 0.3) * 20;
            }
            double[] exp = map(EXP, x), erfcx = map(ERFCX, abs(x)), cdf = map(CDF, x);
            for (int i = 0; i < x.length; i++) {
                double[] alone = new double[L];
                java.util.Arrays.fill(alone, x[i]);
                assertEquals(map(EXP, alone)[0], exp[i], 0.0);
                assertEquals(map(ERFCX, abs(alone))[0], erfcx[i], 0.0);
                assertEquals(map(CDF, alone)[0], cdf[i], 0.0);
            }
        }
    }

    @Test
    void expm1IsWithinAFewUlpOfStrictMathAndItsExpIsExp() {
        Random random = new Random(15);
        int n = 200_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 5) {
                case 0 -> -746 + 1456 * random.nextDouble();                  // everything
                case 1 -> (random.nextDouble() - 0.5) * 2.5;                  // k = 0, ±1, ±2 (cancellation)
                case 2 -> Math.signum(random.nextGaussian()) * Math.pow(10, -20 * random.nextDouble()); // tiny
                case 3 -> -60 * random.nextDouble();                          // ELU's −s₁z
                default -> 30 + 20 * random.nextDouble();                     // the switch to e^x at 40
            };
        }
        int padded = VectorNormal.padded(n);
        double[] values = java.util.Arrays.copyOf(x, padded), exps = new double[padded];
        VectorNormal.expm1(values, exps, 0, padded);
        double[] exp = map(EXP, x);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double expected = StrictMath.expm1(x[i]);
            if (Double.isInfinite(expected)) {
                assertEquals(expected, values[i], 0.0, "expm1(" + x[i] + ")");
            } else {
                worst = Math.max(worst, ulps(values[i], expected));
            }
            assertEquals(exp[i], exps[i], 0.0, "exp(" + x[i] + ") beside expm1");
        }
        System.out.println("VectorNormal.expm1: worst " + worst + " ulp");
        assertTrue(worst <= 2, "worst " + worst + " ulp");
        double[] special = {0, -0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -1e-320, 709.7, 40,
                40.5, -40, -1e10};
        int m = VectorNormal.padded(special.length);
        double[] v = java.util.Arrays.copyOf(special, m);
        VectorNormal.expm1(v, new double[m], 0, m);
        for (int i = 0; i < special.length; i++) {
            double expected = StrictMath.expm1(special[i]);
            assertTrue(expected == v[i] || ulps(v[i], expected) <= 2 || Double.isNaN(expected) && Double.isNaN(v[i]),
                    "expm1(" + special[i] + ") = " + v[i] + " vs " + expected);
        }
    }
}
