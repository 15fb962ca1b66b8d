package org.widenets.invariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.nn.GaussianWeights;
import org.widenets.nn.MultivariateTWeights;
import org.widenets.nn.RademacherWeights;

class EquivalentKernelRejectsBadInputTest {

    @Test
    void lawsWithoutKernelOrInvarianceAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> EquivalentKernel.of(AbRelu.relu(), new MultivariateTWeights(2, 1), 3));
        assertTrue(e.getMessage().contains("ν = 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EquivalentKernel.of(AbRelu.relu(), new RademacherWeights(1), 3));
        assertTrue(e.getMessage().contains("not rotation invariant"), e.getMessage());
    }

    @Test
    void dimensionsAnglesAndNonFiniteInputsAreRefused() {
        EquivalentKernel k = EquivalentKernel.of(AbRelu.relu(), new GaussianWeights(1), 2);
        assertThrows(IllegalArgumentException.class, () -> EquivalentKernel.of(AbRelu.relu(), new GaussianWeights(1), 0));
        assertThrows(IllegalArgumentException.class, () -> k.value(new double[] {1, 0, 0}, new double[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> k.value(new double[] {1, Double.NaN}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> k.value(1, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> k.value(1, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> k.value(Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> EquivalentKernel.augment(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new EquivalentKernel(AbRelu.relu(), Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> OneLayerMonteCarlo.estimate(new GaussianWeights(1),
                AbRelu.relu(), new double[] {1, 0}, new double[] {1, 0, 0}, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> OneLayerMonteCarlo.estimate(new GaussianWeights(1),
                AbRelu.relu(), new double[] {1, 0}, new double[] {0, 1}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> OneLayerMonteCarlo.estimate(new GaussianWeights(1),
                AbRelu.relu(), new double[0], new double[0], 10, 1));
    }

    @Test
    void diagonalAndAngleFormAgreeWithTheVectorForm() {
        EquivalentKernel k = EquivalentKernel.of(AbRelu.leakyRelu(0.3), new MultivariateTWeights(6, 2), 2);
        double[] x = {0.3, -1.2}, y = {2, 0.5};
        double nx = Math.hypot(x[0], x[1]), ny = Math.hypot(y[0], y[1]);
        double theta = Math.acos((x[0] * y[0] + x[1] * y[1]) / (nx * ny));
        assertEquals(k.value(x, y), k.value(nx, ny, theta), 1e-12);
        // diagonal: σ²_eff ‖x‖² (1 + a²)/2 with σ²_eff = 2·6/4 = 3
        assertEquals(3 * nx * nx * (1 + 0.09) / 2, k.value(x, x.clone()), 1e-12);
    }

    @Test
    void monteCarloDoesNotDependOnTheNumberOfThreads() throws Exception {
        double[] x = {1, 0, 0};
        double[][] ys = {{0, 1, 0}, {-1, 0.2, 0.1}};
        var law = new MultivariateTWeights(7, 1);
        List<MonteCarloEstimate> one = new ForkJoinPool(1).submit(
                () -> OneLayerMonteCarlo.estimate(law, AbRelu.relu(), x, ys, 100_000, 42)).get();
        List<MonteCarloEstimate> three = new ForkJoinPool(3).submit(
                () -> OneLayerMonteCarlo.estimate(law, AbRelu.relu(), x, ys, 100_000, 42)).get();
        assertEquals(one, three);
        List<MonteCarloEstimate> other = OneLayerMonteCarlo.estimate(law, AbRelu.relu(), x, ys, 100_000, 43);
        assertTrue(other.get(0).mean() != one.get(0).mean());
    }
}
