package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vectorised block method of {@link AbRelu} gives the same bits as its scalar
 * {@link AbRelu#tAndTDot(double, double, double, double[])}, the pair path of kernel matrices, and
 * refuses bad input like it.
 */
class AbReluBlockEqualsScalarTest {

    @Test
    void blockEqualsScalarBitForBit() {
        Random r = new Random(11);
        double[] out = new double[2];
        for (AbRelu f : new AbRelu[] {AbRelu.relu(), AbRelu.leakyRelu(0.1), AbRelu.abs(), new AbRelu(-0.3, 1.2)}) {
            for (int trial = 0; trial < 200; trial++) {
                int count = 1 + r.nextInt(700), from = r.nextInt(5);
                double scale = Math.exp(10 * r.nextGaussian());
                double q11 = scale * Math.exp(r.nextGaussian());
                double[] q22 = new double[from + count], q12 = new double[count], ntk = new double[count];
                for (int k = 0; k < count; k++) {
                    q22[from + k] = scale * Math.exp(r.nextGaussian());
                    double bound = Math.sqrt(q11 * q22[from + k]);
                    // correlations everywhere in [−1, 1], many within 1e-12 of ±1, some exactly ±1 and 0
                    double rho = switch (k % 5) {
                        case 0 -> 2 * r.nextDouble() - 1;
                        case 1 -> (r.nextBoolean() ? 1 : -1) * (1 - 1e-12 * r.nextDouble());
                        case 2 -> r.nextBoolean() ? 1 : -1;
                        case 3 -> 0;
                        default -> Math.tanh(3 * r.nextGaussian());
                    };
                    q12[k] = rho * bound;
                    ntk[k] = r.nextGaussian();
                }
                assertTrue(Angles.ordinaryBlock(q11, q22, from, q12, count), "the vectorised loops are exercised");
                double[] k2 = q12.clone(), t2 = ntk.clone();
                f.tAndTDot(q11, q22, from, k2, t2, count);
                for (int k = 0; k < count; k++) {
                    f.tAndTDot(q11, q12[k], q22[from + k], out);
                    assertEquals(Double.doubleToLongBits(out[0]), Double.doubleToLongBits(k2[k]), f + " T at " + k);
                    assertEquals(Double.doubleToLongBits(out[1] * ntk[k]), Double.doubleToLongBits(t2[k]), f + " Θ at " + k);
                }
            }
        }
    }

    @Test
    void badEntryInABlockThrowsLikeTheScalarPath() {
        double[] q22 = {1, 1, 1}, q12 = {0.5, 1.5, 0.2}, ntk = {1, 1, 1};
        assertTrue(!Angles.ordinaryBlock(1, q22, 0, q12, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AbRelu.relu().tAndTDot(1, q22, 0, q12, ntk, 3));
        assertTrue(e.getMessage().contains("q12"), e.getMessage());
        double[] nan = {0.5, Double.NaN, 0.2};
        assertThrows(IllegalArgumentException.class, () -> AbRelu.relu().tAndTDot(1, q22, 0, nan, ntk, 3));
    }

    @Test
    void hugeAndZeroVariancesTakeTheScalarPathWithTheSameValues() {
        double[] out = new double[2];
        for (double q : new double[] {0, 1e-310, 0x1p600, 1e300}) {
            double[] q22 = {q, 1}, q12 = {0, 0}, ntk = {1, 1};
            AbRelu.relu().tAndTDot(q, q22, 0, q12, ntk, 2);
            AbRelu.relu().tAndTDot(q, 0, q, out);
            assertEquals(out[0], q12[0]);
            assertEquals(out[1], ntk[0]);
        }
    }
}
