package org.widenets.invariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.nn.RademacherWeights;
import tech.tablesaw.api.Table;

/** The CLT universality of weight-invariance.md §2.3 and the geometry of the comparison inputs. */
class IidLawsApproachTheGaussianKernelTest {

    @Test
    void rademacherErrorIsLargeAtNTwoAndWithinNoiseAtNSixtyFour() {
        Table t = InvarianceCheck.cltRelativeError(AbRelu.relu(), new RademacherWeights(1), new int[] {2, 64}, 1.2,
                4, 60_000, 5);
        Table small = t.where(t.intColumn("n").isEqualTo(2));
        Table large = t.where(t.intColumn("n").isEqualTo(64));
        // note §5.2: −0.30 … +0.29 at n = 2
        assertTrue(small.doubleColumn("relative error").abs().max() > 0.1, small.print());
        for (int p = 0; p < large.rowCount(); p++) {
            double err = large.doubleColumn("relative error").get(p), se = large.doubleColumn("relative se").get(p);
            // Berry–Esseen: O(n^{-1/2}) but in practice below MC noise by n = 32 (note §5.2: ≤ 0.006)
            assertEquals(0, err, 4 * se + 0.01, large.print());
        }
    }

    @Test
    void planarInputsHaveTheRequestedAnglesAndNorms() {
        double[][] in = InvarianceCheck.planarInputs(4, 1.5, new double[] {0, 1, Math.PI});
        assertEquals(4, in[0].length);
        for (int j = 1; j <= 3; j++) {
            double norm = Math.sqrt(in[j][0] * in[j][0] + in[j][1] * in[j][1]);
            assertEquals(1.5, norm, 1e-15);
        }
        assertEquals(1.5 * Math.cos(1), in[2][0], 1e-15);
        Table t = InvarianceCheck.oneLayer(AbRelu.relu(), new RademacherWeights(1), in[0],
                new double[][] {in[1], in[2], in[3]}, 1000, 1);
        assertEquals(1.0, t.doubleColumn("theta").get(1), 1e-12);
        assertEquals(Math.PI, t.doubleColumn("theta").get(2), 1e-12);
    }
}
