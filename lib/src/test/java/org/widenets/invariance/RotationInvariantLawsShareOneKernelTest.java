package org.widenets.invariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.distribution.continuous.ExponentialDistribution;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.nn.BallWeights;
import org.widenets.nn.GaussianScaleMixtureWeights;
import org.widenets.nn.GaussianWeights;
import org.widenets.nn.IidUniformWeights;
import org.widenets.nn.IndependentBias;
import org.widenets.nn.MultivariateTWeights;
import org.widenets.nn.RademacherWeights;
import org.widenets.nn.SphereWeights;
import org.widenets.nn.WeightDistribution;

/**
 * The invariance theorem at width n = 3, where no central limit theorem can help: for every
 * rotation-invariant law the Monte Carlo kernel E[φ(w·x)φ(w·y)] matches E‖w‖²/n times the arc-cosine
 * kernel within 4 standard errors, while i.i.d. Rademacher and uniform rows miss it by many.
 * Inputs and reference values from shared/papers/weight-invariance.md §5.1–5.2.
 */
class RotationInvariantLawsShareOneKernelTest {

    private static final long SEED = 2026;
    private static final int M = 200_000;
    private static final double[] ANGLES = {0.3, Math.PI / 2, 2.5};
    private static final double[] X = {1, 0, 0};

    /** y = 1.5·(cos θ, sin θ, 0), so ‖x‖ = 1, ‖y‖ = 1.5 and the angle is θ. */
    private static double[][] ys() {
        double[][] ys = new double[ANGLES.length][];
        for (int j = 0; j < ANGLES.length; j++) {
            ys[j] = new double[] {1.5 * Math.cos(ANGLES[j]), 1.5 * Math.sin(ANGLES[j]), 0};
        }
        return ys;
    }

    private static final List<WeightDistribution> INVARIANT = List.of(
            new GaussianWeights(1),
            new MultivariateTWeights(5, 1),
            new MultivariateTWeights(10, 0.5),
            new SphereWeights(2),
            new BallWeights(2),
            new GaussianScaleMixtureWeights(new ExponentialDistribution(1)));

    @Test
    void formulaReproducesTheNotesReferenceValues() {
        // weight-invariance.md §5.1, n = 3, x = e1, ‖y‖ = 1.5, θ = 0.3, π/2, 2.5.
        double[][] expected = {
                {0.71863, 0.23873, 0.02016}, {1.19772, 0.39789, 0.03361},
                {0.95818, 0.31831, 0.02689}, {0.57491, 0.19099, 0.01613}};
        List<WeightDistribution> laws = List.of(INVARIANT.get(0), INVARIANT.get(1), INVARIANT.get(3), INVARIANT.get(4));
        double[][] ys = ys();
        for (int i = 0; i < laws.size(); i++) {
            EquivalentKernel k = EquivalentKernel.of(AbRelu.relu(), laws.get(i), 3);
            for (int j = 0; j < ys.length; j++) {
                assertEquals(expected[i][j], k.value(X, ys[j]), 6e-6, laws.get(i).name() + " θ = " + ANGLES[j]);
            }
        }
    }

    @Test
    void everyInvariantLawMatchesTheReluFormulaAtWidthThree() {
        assertAllInvariantLawsAgree(AbRelu.relu(), X, ys());
    }

    @Test
    void everyInvariantLawMatchesTheLeakyReluFormulaAtWidthThree() {
        double[] x = {0.6, 0.8, 0};
        double[][] ys = new double[3][];
        double[] angles = {0.5, 2.0, 3.0};
        for (int j = 0; j < 3; j++) {
            // rotate x by θ in the plane spanned by x and e3, scale to ‖y‖ = 0.7
            double c = Math.cos(angles[j]), s = Math.sin(angles[j]);
            ys[j] = new double[] {0.7 * c * 0.6, 0.7 * c * 0.8, 0.7 * s};
        }
        assertAllInvariantLawsAgree(AbRelu.leakyRelu(0.2), x, ys);
    }

    private static void assertAllInvariantLawsAgree(AbRelu phi, double[] x, double[][] ys) {
        for (WeightDistribution law : INVARIANT) {
            EquivalentKernel k = EquivalentKernel.of(phi, law, 3);
            List<MonteCarloEstimate> mc = OneLayerMonteCarlo.estimate(law, phi, x, ys, M, SEED);
            for (int j = 0; j < ys.length; j++) {
                MonteCarloEstimate e = mc.get(j);
                assertTrue(e.standardErrorValid(), law.name());
                double f = k.value(x, ys[j]);
                assertTrue(e.agreesWith(f, 4), law.name() + " " + phi.name() + " y" + j + ": formula " + f
                        + ", Monte Carlo " + e + ", z = " + e.zScore(f));
            }
        }
    }

    @Test
    void rademacherRowsAreRejectedAtWidthThree() {
        WeightDistribution law = new RademacherWeights(1);
        EquivalentKernel gauss = EquivalentKernel.gaussianLimit(AbRelu.relu(), law, 3);
        double[][] ys = ys();
        List<MonteCarloEstimate> mc = OneLayerMonteCarlo.estimate(law, AbRelu.relu(), X, ys, M, SEED);
        // θ = π/2: w·x = w1, w·y = 1.5·w2, so the kernel is 1.5·P(w1 = w2 = 1) = 0.375 ≠ 1.5/(2π).
        assertEquals(0.375, mc.get(1).mean(), 5 * mc.get(1).standardError());
        assertTrue(mc.get(1).zScore(gauss.value(X, ys[1])) > 50, "z = " + mc.get(1).zScore(gauss.value(X, ys[1])));
        // θ = 2.5: w·y = 1.5(cos θ w1 + sin θ w2) < 0 whenever w1 = 1, so every summand is 0.
        assertEquals(0.0, mc.get(2).mean());
        assertTrue(gauss.value(X, ys[2]) > 0.02);
    }

    @Test
    void iidUniformRowsAreRejectedAtWidthThree() {
        WeightDistribution law = IidUniformWeights.withVariance(1);
        EquivalentKernel gauss = EquivalentKernel.gaussianLimit(AbRelu.relu(), law, 3);
        double[][] ys = ys();
        List<MonteCarloEstimate> mc = OneLayerMonteCarlo.estimate(law, AbRelu.relu(), X, ys, M, SEED);
        assertTrue(mc.get(1).zScore(gauss.value(X, ys[1])) > 15);
        assertTrue(mc.get(2).zScore(gauss.value(X, ys[2])) < -15);
    }

    @Test
    void aJointBiasMatchesTheAugmentedFormulaAndAnIndependentOneDoesNot() {
        // n = 2, x̃ = (x, 1): t5 rows in ℝ³ are the joint law, t5 weights with a separate t5 bias are not.
        MultivariateTWeights t5 = new MultivariateTWeights(5, 1);
        WeightDistribution independent = new IndependentBias(t5, t5);
        EquivalentKernel k = EquivalentKernel.of(AbRelu.relu(), t5, 3);
        assertEquals(t5.expectedSquaredNorm(3), independent.expectedSquaredNorm(3), 1e-12);
        double[] x = EquivalentKernel.augment(new double[] {1, 0}, 1);
        double[][] ys = {EquivalentKernel.augment(new double[] {Math.cos(2.5), Math.sin(2.5)}, 1),
                EquivalentKernel.augment(new double[] {Math.cos(3.0), Math.sin(3.0)}, 1)};
        List<MonteCarloEstimate> joint = OneLayerMonteCarlo.estimate(t5, AbRelu.relu(), x, ys, 2 * M, SEED);
        List<MonteCarloEstimate> indep = OneLayerMonteCarlo.estimate(independent, AbRelu.relu(), x, ys, 2 * M, SEED);
        for (int j = 0; j < ys.length; j++) {
            double f = k.value(x, ys[j]);
            assertTrue(joint.get(j).agreesWith(f, 4), "joint " + joint.get(j) + " vs " + f);
            assertTrue(indep.get(j).zScore(f) > 6, "independent " + indep.get(j) + " vs " + f);
        }
    }

    @Test
    void heavyTailedRowsAreFlagged() {
        MonteCarloEstimate e = OneLayerMonteCarlo.estimate(new MultivariateTWeights(3, 1), AbRelu.relu(), X, ys()[1], 1000, SEED);
        assertFalse(e.standardErrorValid());
        assertTrue(e.toString().contains("not valid"), e.toString());
    }
}
