package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Linear;
import org.widenets.kernel.Network;

/** A jointly drawn bias is the weight of a constant input coordinate (Tsuchida, Roosta & Gallagher 2018). */
class JointlyDrawnBiasTest {

    @Test
    void eachUnitsWeightsAndBiasLieOnOneSphere() {
        // (w_i, b_i) uniform on the circle of radius 1.7; with φ = identity, σ_w = σ_b = 1 and inputs ±1:
        // z_i(1) = w_i + b_i, z_i(−1) = −w_i + b_i, so z_i(1)² + z_i(−1)² = 2(w_i² + b_i²) = 2·1.7² exactly.
        MlpConfig joint = MlpConfig.builder().width(50).depth(1).activation(new Linear()).weightVariance(1)
                .biasVariance(1).inputScaling(InputScaling.SUM).weights(new SphereWeights(1.7)).jointBias(true).build();
        RandomMlp net = RandomMlp.sample(joint, 1, 11);
        double[] plus = net.hidden(new double[] {1}).get(0), minus = net.hidden(new double[] {-1}).get(0);
        for (int i = 0; i < plus.length; i++) {
            assertEquals(2 * 1.7 * 1.7, plus[i] * plus[i] + minus[i] * minus[i], 1e-12, "unit " + i);
        }
        // An independent standard-normal bias breaks the identity for almost every unit.
        RandomMlp independent = RandomMlp.sample(new MlpConfig(50, 1, new Linear(), 1, 1, InputScaling.SUM,
                new SphereWeights(1.7), false), 1, 11);
        List<double[]> p = independent.hidden(new double[] {1}), m = independent.hidden(new double[] {-1});
        int off = 0;
        for (int i = 0; i < 50; i++) {
            double s = p.get(0)[i] * p.get(0)[i] + m.get(0)[i] * m.get(0)[i];
            if (Math.abs(s - 2 * 1.7 * 1.7) > 1e-6) off++;
        }
        assertTrue(off > 40, "independent bias should not lie on the sphere, " + off + " of 50 units off");
    }

    @Test
    void heavyTailedJointRowsGiveTheGaussianKernelOfTheAugmentedInput() {
        // For any rotation-invariant law with E[w̃ w̃ᵀ] = I the one-layer ReLU kernel equals the Gaussian one:
        // the readout (also t-distributed, second moments 1) is integrated out exactly by the estimator.
        MlpConfig config = MlpConfig.builder().width(256).depth(1).activation(AbRelu.relu()).weightVariance(2)
                .biasVariance(0.5).inputScaling(InputScaling.SUM)
                .weights(MultivariateTWeights.withEffectiveVariance(5, 1)).jointBias(true).build();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1.0, 0.0, 0.5}, {-0.3, 0.8, 0.1}, {0.2, -0.4, 1.1}});
        KernelEstimate mc = EmpiricalKernels.estimate(config, x, 400, 2024);
        Network limit = config.kernel();
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double exact = limit.pair(row(x, a), row(x, b)).q12();
                double err = mc.nngpError().get(a, b);
                assertTrue(err < 0.05 * exact, "standard error too large to test: " + err);
                assertEquals(exact, mc.nngp().get(a, b), 4 * err, "K(" + a + "," + b + ")");
            }
        }
    }

    private static double[] row(DMatrixRMaj x, int i) {
        double[] r = new double[x.numCols];
        System.arraycopy(x.data, i * x.numCols, r, 0, x.numCols);
        return r;
    }
}
