package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branch-free angle θ = atan2(y ≥ 0, x) of {@link Angles#angle} against {@link StrictMath#atan2}
 * (fdlibm, an independent implementation): within 2 ulp of the reference everywhere, exact where the
 * reference is special.
 */
class AnglesBranchFreeAngleTest {

    private static final double MAX_ULPS = 2;

    /** |angle − atan2| in units of the ulp of the reference. */
    private static double ulps(double y, double x) {
        double ref = StrictMath.atan2(y, x), got = Angles.angle(y, x);
        assertTrue(Double.isFinite(got), () -> "angle(" + y + ", " + x + ") = " + got);
        return ref == got ? 0 : Math.abs(got - ref) / Math.ulp(ref);
    }

    private static double check(double y, double x) {
        double e = ulps(y, x);
        assertTrue(e <= MAX_ULPS, () -> "angle(" + y + ", " + x + ") = " + Angles.angle(y, x) + " vs StrictMath "
                + StrictMath.atan2(y, x) + ": " + e + " ulp");
        return e;
    }

    @Test
    void randomArgumentsOverManyScalesAndBothSignsOfX() {
        Random r = new Random(23);
        double worst = 0;
        for (int i = 0; i < 3_000_000; i++) {
            double y = Math.abs(r.nextGaussian()) * Math.exp(8 * r.nextGaussian());
            double x = r.nextGaussian() * Math.exp(8 * r.nextGaussian());
            worst = Math.max(worst, check(y, x));
            // ratios near the reduction thresholds 7/16 and 1, and near the axes
            double t = r.nextDouble();
            worst = Math.max(worst, check(t * Math.abs(x), x));
            worst = Math.max(worst, check(Math.abs(x), x * t));
        }
        System.out.println("AnglesBranchFreeAngleTest: worst error " + worst + " ulp");
        // the bound is not vacuous: an error of one part in 1e15 would be visible
        assertTrue(worst > 0 && worst <= MAX_ULPS);
    }

    @Test
    void thresholdsExtremeRatiosAndZeros() {
        double[] ratios = {0, Double.MIN_VALUE, 1e-300, 0x1p-29, 1e-12, 0.4375, Math.nextUp(0.4375),
            Math.nextDown(0.4375), 0.5, Math.nextDown(1.0), 1.0, Math.nextUp(1.0), 1 / 0.4375, 1e12, 1e300};
        double[] scales = {Double.MIN_VALUE, 1e-300, 1e-8, 1.0, 3.7, 1e8, 1e300, 0x1p1000};
        for (double s : scales) {
            for (double t : ratios) {
                double y = s * t;
                if (Double.isFinite(y)) {
                    check(y, s);
                    check(y, -s);
                    check(s, y);
                    check(s, -y);
                }
            }
        }
        // zeros, infinities and huge values take StrictMath itself: the same bits
        double[] special = {0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.0, -1.0};
        for (double y : new double[] {0.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY}) {
            for (double x : special) {
                assertEquals(Double.doubleToLongBits(StrictMath.atan2(y, x)), Double.doubleToLongBits(Angles.angle(y, x)),
                        "angle(" + y + ", " + x + ")");
            }
        }
        assertEquals(Math.PI, Angles.angle(0.0, -0.0));
        assertEquals(0.0, Angles.angle(0.0, 0.0));
        assertEquals(Math.PI / 2, Angles.angle(1.0, 0.0));
        assertEquals(Math.PI / 2, Angles.angle(1.0, -0.0));
    }

    @Test
    void correlationWithin1e12OfPlusAndMinusOne() {
        for (int k = 0; k < 1000; k++) {
            double c = 1 + k * 1e-3;
            check(1e-12 * c, c);
            check(1e-12 * c, -c);
            check(Math.sqrt(2e-12) * c, c * (1 - 1e-12));
        }
    }

    @Test
    void thetaOfCovariancesUsesTheSameAngle() {
        Random r = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            double q11 = Math.exp(3 * r.nextGaussian()), q22 = Math.exp(3 * r.nextGaussian());
            double q12 = (2 * r.nextDouble() - 1) * Math.sqrt(q11 * q22);
            double sin = Angles.sinTheta(q11, q12, q22);
            assertEquals(Angles.angleCore(sin, q12), Angles.theta(q11, q12, q22));
            assertTrue(Math.abs(Angles.theta(q11, q12, q22) - Math.acos(q12 / Math.sqrt(q11 * q22))) < 1e-7);
        }
    }
}
