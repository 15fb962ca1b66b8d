package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inlinable atan2 of {@link Angles} is StrictMath's fdlibm atan2, bit for bit. */
class AnglesAtan2MatchesStrictMathTest {

    private static void assertSameBits(double y, double x) {
        assertEquals(Double.doubleToLongBits(StrictMath.atan2(y, x)), Double.doubleToLongBits(Angles.atan2(y, x)),
                () -> "atan2(" + y + ", " + x + ") = " + StrictMath.atan2(y, x) + " vs " + Angles.atan2(y, x));
    }

    @Test
    void randomArgumentsOverManyScalesAndSigns() {
        Random r = new Random(17);
        for (int i = 0; i < 2_000_000; i++) {
            double y = r.nextGaussian() * Math.exp(8 * r.nextGaussian());
            double x = r.nextGaussian() * Math.exp(8 * r.nextGaussian());
            assertSameBits(y, x);
            assertSameBits(y, 1.0);
        }
    }

    @Test
    void everyReductionBranchAndEdge() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16, 0x1p-29, 0x1p-30,
            0x1p66, 0x1p70, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, Math.nextUp(1.0), Math.nextDown(1.0), 0x1p60, 0x1p61};
        for (double y : special) {
            for (double x : special) {
                assertSameBits(y, x);
                assertSameBits(-y, x);
                assertSameBits(y, -x);
                assertSameBits(y * 3.7, x);
            }
        }
        // ρ within 1e-12 of ±1: tiny sin θ against a large cos θ
        for (int k = 0; k < 1000; k++) {
            double c = 1 + k * 1e-3;
            assertSameBits(1e-12 * c, c);
            assertSameBits(1e-12 * c, -c);
        }
    }
}
