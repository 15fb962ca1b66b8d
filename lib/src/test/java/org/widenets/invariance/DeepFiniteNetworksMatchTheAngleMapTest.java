package org.widenets.invariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.distribution.continuous.ExponentialDistribution;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.InputScaling;
import org.widenets.nn.MlpConfig;
import org.widenets.nn.MultivariateTWeights;
import org.widenets.nn.GaussianScaleMixtureWeights;
import org.widenets.nn.WeightDistribution;
import tech.tablesaw.api.Table;

/**
 * Finite deep networks with rotation-invariant rows (weight-invariance.md §2.4–2.5): the squared norm
 * recursion holds exactly in expectation at any width, and the normalised kernel follows the
 * law-free angle map up to Monte Carlo error and the O(1/width) bias of a ratio.
 */
class DeepFiniteNetworksMatchTheAngleMapTest {

    private static MlpConfig config(int width, int depth, AbRelu phi, double weightVariance, WeightDistribution law) {
        return MlpConfig.builder().width(width).depth(depth).activation(phi).weightVariance(weightVariance)
                .biasVariance(0).inputScaling(InputScaling.MEAN).weights(law).build();
    }

    @Test
    void heScalingPreservesTheExpectedSquaredNormAtSmallWidthForAnyInvariantLaw() {
        double[] x = {0.5, -1.0, 2.0, 0.3};
        double expected = (0.25 + 1 + 4 + 0.09) / 4;
        int width = 40, depth = 3, networks = 400;
        double a = 0.3;
        // E‖w‖²/n = 1 for both laws; σ_w² = 2/(1 + a²) compensates the activation
        for (WeightDistribution law : List.of(MultivariateTWeights.withEffectiveVariance(10, 1),
                new GaussianScaleMixtureWeights(new ExponentialDistribution(1)))) {
            Table t = DeepMonteCarlo.squaredNorms(config(width, depth, AbRelu.leakyRelu(a), 2 / (1 + a * a), law),
                    x, networks, 11);
            var last = t.where(t.intColumn("layer").isEqualTo(depth)).doubleColumn("squared norm");
            double se = last.standardDeviation() / Math.sqrt(networks);
            assertEquals(expected, last.mean(), 4 * se, law.name() + ": mean " + last.mean() + " ± " + se);
            assertEquals(expected, t.where(t.intColumn("layer").isEqualTo(0)).doubleColumn("squared norm").get(0), 1e-12);
        }
    }

    @Test
    void normalisedKernelOfTNetworksFollowsTheAngleMap() {
        double[] angles = {0.5, 1.5, 2.5};
        double[][] in = InvarianceCheck.planarInputs(3, 1.0, angles);
        double[][] ys = {in[1], in[2], in[3]};
        int width = 1000, networks = 8;
        var est = DeepMonteCarlo.normalisedKernels(
                config(width, 2, AbRelu.relu(), 2, MultivariateTWeights.withEffectiveVariance(5, 1)), in[0], ys, networks, 3);
        AngleMap map = AngleMap.leakyRelu(0);
        for (int j = 1; j <= 2; j++) {
            for (int k = 0; k < angles.length; k++) {
                double theory = Math.cos(map.iterate(angles[k], j).theta(j));
                MonteCarloEstimate e = est.get(j - 1).get(k);
                // 4 s.e. plus the O(1/width) ratio bias (about 0.01 at width 2000 in note §5.3)
                assertEquals(theory, e.mean(), 4 * e.standardError() + 10.0 / width, "layer " + j + ", θ = " + angles[k]);
            }
        }
        // theory values of note §5.3 at θ = 1.5 (layer 1: 0.3545, layer 2: 0.5158)
        assertEquals(0.3545, Math.cos(map.iterate(1.5, 1).theta(1)), 1e-4);
        assertEquals(0.5158, Math.cos(map.iterate(1.5, 2).theta(2)), 1e-4);
    }

    @Test
    void sameSeedSameNetworks() {
        MlpConfig cfg = config(20, 2, AbRelu.relu(), 2, new MultivariateTWeights(4, 1));
        double[] x = {1, 2};
        assertEquals(DeepMonteCarlo.squaredNorms(cfg, x, 5, 9).doubleColumn("squared norm").asList(),
                DeepMonteCarlo.squaredNorms(cfg, x, 5, 9).doubleColumn("squared norm").asList());
    }

    @Test
    void normalisedGramIsTheAngleMapPerPair() {
        double[][] inputs = {{1, 0, 0}, {1, 1, 0}, {-1, 0.2, 0.1}, {0, 0, 0}};
        AngleMap map = AngleMap.leakyRelu(0.1);
        var g0 = map.normalisedGram(inputs, 0);
        var g5 = map.normalisedGram(inputs, 5);
        assertEquals(1 / Math.sqrt(2), g0.get(0, 1), 1e-15);
        double theta = Math.acos(-1 / Math.sqrt(1.05));
        assertEquals(Math.cos(map.iterate(theta, 5).theta(5)), g5.get(0, 2), 1e-12);
        for (int a = 0; a < 4; a++) {
            assertEquals(1.0, g5.get(a, a));
            for (int b = 0; b < 4; b++) assertEquals(g5.get(a, b), g5.get(b, a));
        }
        assertEquals(1.0, g5.get(0, 3)); // a zero input has no angle
        assertTrue(g5.get(0, 2) > g0.get(0, 2));
    }
}
