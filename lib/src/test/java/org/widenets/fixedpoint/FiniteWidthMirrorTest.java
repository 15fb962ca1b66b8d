package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.InputScaling;

/**
 * Finite random networks follow the infinite-width correlation dynamics: across seeds, the mean cosine of
 * two inputs' hidden activations lies within Monte Carlo error of the kernel trajectory at every layer.
 */
class FiniteWidthMirrorTest {

    /**
     * Runs {@code seeds} independent networks and checks |mean − theory| ≤ 4 standard errors at every
     * (layer, angle); also checks that the test has power: 4 standard errors are small against the
     * change of the infinite-width curve from the first to the last listed layer (at the angle where it
     * changes most). Returns the largest |mean − theory|/SE seen.
     */
    static double assertMirrorsTheKernel(Activation phi, double w, double b, double radius, int depth, int[] layers,
                                         double[] angles, int width, int seeds) {
        KernelMap map = KernelMap.of(phi, w, b);
        FiniteWidthMirror net = FiniteWidthMirror.of(map, width, depth);
        double[][] sum = new double[layers.length][angles.length], sum2 = new double[layers.length][angles.length];
        for (int s = 0; s < seeds; s++) {
            double[][][] pairs = FiniteWidthMirror.circlePairs(radius, angles, 1000 + s);
            double[][] cos = net.cosines(pairs[0], pairs[1], 1000 + s);
            for (int i = 0; i < layers.length; i++) {
                for (int p = 0; p < angles.length; p++) {
                    double c = cos[layers[i] - 1][p];
                    sum[i][p] += c;
                    sum2[i][p] += c * c;
                }
            }
        }
        double worst = 0, largestSe = 0, largestChange = 0;
        for (int p = 0; p < angles.length; p++) {
            double[] x = {radius, 0}, y = {radius * Math.cos(angles[p]), radius * Math.sin(angles[p])};
            DepthTrajectory t = DepthTrajectory.of(map, x, y, InputScaling.SUM, depth);
            for (int i = 0; i < layers.length; i++) {
                double mean = sum[i][p] / seeds;
                double var = (sum2[i][p] - seeds * mean * mean) / (seeds - 1);
                double se = Math.sqrt(Math.max(var, 0) / seeds);
                double theory = t.postActivationCorrelation(layers[i]);
                String where = phi.name() + " layer " + layers[i] + ", θ⁰ = " + angles[p];
                assertTrue(se > 0, where + ": no spread across seeds");
                largestSe = Math.max(largestSe, se);
                double z = Math.abs(mean - theory) / se;
                assertTrue(z <= 4, where + ": mean " + mean + " vs infinite width " + theory + " (" + z + " SE)");
                worst = Math.max(worst, z);
            }
            largestChange = Math.max(largestChange, Math.abs(t.postActivationCorrelation(layers[layers.length - 1])
                    - t.postActivationCorrelation(layers[0])));
        }
        assertTrue(4 * largestSe < largestChange / 4,
                "no power: 4 SE = " + 4 * largestSe + " against a change across depth of " + largestChange);
        return worst;
    }

    @Test
    void reluCorrelationsFollowTheArcCosineDynamics() {
        int[] layers = {1, 2, 4, 8, 16};
        double[] angles = {0.5, 1.5, 2.8};
        assertMirrorsTheKernel(AbRelu.relu(), 2, 0, 1, 16, layers, angles, 300, 16);
        // Power: across these layers the curve moves by far more than the tolerance.
        KernelMap map = KernelMap.of(AbRelu.relu(), 2, 0);
        DepthTrajectory t = DepthTrajectory.of(map, new double[] {1, 0}, new double[] {Math.cos(2.8), Math.sin(2.8)},
                InputScaling.SUM, 16);
        assertTrue(t.postActivationCorrelation(16) - t.postActivationCorrelation(1) > 0.3);
    }

    @Test
    void sameSeedSameNumbersAndBadInputIsRefused() {
        FiniteWidthMirror net = FiniteWidthMirror.of(KernelMap.of(AbRelu.relu(), 2, 0.1), 50, 3);
        double[][][] pairs = FiniteWidthMirror.circlePairs(2, new double[] {0.3, 1.0}, 7);
        assertEquals(2, Math.hypot(pairs[1][1][0], pairs[1][1][1]), 1e-14);
        assertEquals(Math.cos(1.0) * 4, pairs[0][1][0] * pairs[1][1][0] + pairs[0][1][1] * pairs[1][1][1], 1e-14);
        double[][] a = net.cosines(pairs[0], pairs[1], 42), b = net.cosines(pairs[0], pairs[1], 42);
        for (int l = 0; l < 3; l++) assertArrayEquals(a[l], b[l]);
        assertThrows(IllegalArgumentException.class, () -> net.cosines(new double[1][2], new double[2][2], 1));
        assertThrows(IllegalArgumentException.class,
                () -> net.cosines(new double[][] {{Double.NaN, 0}}, new double[][] {{1, 0}}, 1));
        assertThrows(IllegalArgumentException.class, () -> FiniteWidthMirror.of(KernelMap.of(AbRelu.relu(), 2, 0), 0, 3));
    }
}
