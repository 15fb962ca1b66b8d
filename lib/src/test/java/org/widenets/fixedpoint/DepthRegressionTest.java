package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

/** The deep kernels of the toy regression and the flattening of deep ReLU posterior means (§5.8). */
class DepthRegressionTest {

    @Test
    void depthKernelsEqualTheMlpOfEachDepth() {
        double[][] pts = {{0.5, 0}, {0, 0.5}, {-0.3, 0.4}, {0.1, -0.2}};
        KernelMap map = KernelMap.of(new Gelu(), 1.7, 0.1);
        List<DMatrixRMaj> k = DepthKernels.of(map, pts, InputScaling.SUM, 5);
        for (int depth : new int[] {1, 5}) {
            Network net = Mlp.builder().activation(new Gelu()).depth(depth).weightVariance(1.7).biasVariance(0.1)
                    .inputScaling(InputScaling.SUM).build();
            for (int i = 0; i < pts.length; i++) {
                for (int j = 0; j < pts.length; j++) {
                    assertEquals(net.pair(pts[i], pts[j]).q12(), k.get(depth - 1).get(i, j), 1e-12);
                }
            }
        }
    }

    @Test
    void posteriorMeanIsTheDirectSolveAndDeepReluFlattens() {
        DepthRegression toy = new DepthRegression(KernelMap.of(AbRelu.relu(), 2, 0), 0.5, 12, 30, 0.1, 60);
        DepthRegression.Run run = toy.run(DepthRegression.Target.SIN, 3);
        // Direct check at depth 2: m = K*(K + σ²I)⁻¹ y with an explicit inverse.
        double[][] pts = new double[12 + 30][];
        for (int i = 0; i < 12; i++) pts[i] = new double[] {0.5 * Math.cos(run.trainAngles()[i]), 0.5 * Math.sin(run.trainAngles()[i])};
        for (int i = 0; i < 30; i++) pts[12 + i] = new double[] {0.5 * Math.cos(run.testAngles()[i]), 0.5 * Math.sin(run.testAngles()[i])};
        Network net = Mlp.builder().activation(AbRelu.relu()).depth(2).weightVariance(2).inputScaling(InputScaling.SUM).build();
        DMatrixRMaj a = new DMatrixRMaj(12, 12), cross = new DMatrixRMaj(30, 12);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) a.set(i, j, net.pair(pts[i], pts[j]).q12() + (i == j ? 0.1 : 0));
            for (int t = 0; t < 30; t++) cross.set(t, i, net.pair(pts[12 + t], pts[i]).q12());
        }
        CommonOps_DDRM.invert(a);
        DMatrixRMaj alpha = new DMatrixRMaj(12, 1), mean = new DMatrixRMaj(30, 1);
        CommonOps_DDRM.mult(a, new DMatrixRMaj(12, 1, true, run.trainTargets()), alpha);
        CommonOps_DDRM.mult(cross, alpha, mean);
        for (int t = 0; t < 30; t++) assertEquals(mean.get(t), run.mean(2)[t], 1e-9);

        // ρ → 1 makes the deep kernel nearly constant: the posterior mean's spread over the circle shrinks.
        assertTrue(spread(run.mean(60)) < 0.5 * spread(run.mean(1)),
                "spread at depth 60 " + spread(run.mean(60)) + " vs depth 1 " + spread(run.mean(1)));
        assertTrue(run.trainMse()[59] > run.trainMse()[0]);
    }

    @Test
    void divergingVarianceIsAClearError() {
        KernelMap map = KernelMap.of(AbRelu.relu(), 3, 0);
        assertThrows(IllegalStateException.class,
                () -> DepthKernels.of(map, new double[][] {{1, 0}, {0, 1}}, InputScaling.SUM, 200));
    }

    private static double spread(double[] m) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : m) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }
}
