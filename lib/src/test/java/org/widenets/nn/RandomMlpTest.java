package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Elu;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Tanh;

/** Finite random MLPs: backpropagation is exact, seeds reproduce, bad input is refused. */
class RandomMlpTest {

    private static final double[] X = {0.7, -0.2, 1.1};
    private static final double[] X_PRIME = {-0.3, 0.9, 0.4};

    static void assertEmpiricalNtkEqualsFiniteDifferences(Activation phi, InputScaling scaling) {
        MlpConfig config = MlpConfig.builder().width(6).depth(3).activation(phi)
                .weightVariance(1.7).biasVariance(0.3).inputScaling(scaling).build();
        RandomMlp net = RandomMlp.sample(config, 3, 5);
        // Θ̂(x, x′) = Σ_θ ∂f(x)/∂θ · ∂f(x′)/∂θ with each derivative by central differences
        double h = 1e-5, sum = 0;
        for (int k = 0; k < net.parameterCount(); k++) {
            RandomMlp up = net.withShiftedParameter(k, h), down = net.withShiftedParameter(k, -h);
            double g = (up.output(X) - down.output(X)) / (2 * h);
            double gPrime = (up.output(X_PRIME) - down.output(X_PRIME)) / (2 * h);
            sum += g * gPrime;
        }
        assertEquals(3 * 6 + 6 + 2 * (6 * 6 + 6) + 6 + 1, net.parameterCount());
        assertEquals(sum, net.ntk(X, X_PRIME), 1e-7 * Math.abs(sum) + 1e-9, phi.name());
    }

    @Test
    void empiricalNtkEqualsSumOfParameterGradientProducts() {
        assertEmpiricalNtkEqualsFiniteDifferences(AbRelu.leakyRelu(0.3), InputScaling.MEAN);
        assertEmpiricalNtkEqualsFiniteDifferences(AbRelu.abs(), InputScaling.SUM);
        assertEmpiricalNtkEqualsFiniteDifferences(new Gelu(), InputScaling.MEAN);
        assertEmpiricalNtkEqualsFiniteDifferences(new Tanh(), InputScaling.SUM);
        assertEmpiricalNtkEqualsFiniteDifferences(new Elu(0.7), InputScaling.MEAN);
    }

    @Test
    void ntkMatrixIsSymmetricAndItsDiagonalIsTheSquaredGradientNorm() {
        MlpConfig config = MlpConfig.builder().width(16).depth(2).weightVariance(2).biasVariance(0.1).build();
        RandomMlp net = RandomMlp.sample(config, 3, 9);
        DMatrixRMaj t = net.ntk(MonteCarlo.INPUTS);
        for (int a = 0; a < t.numRows; a++) {
            assertTrue(t.get(a, a) > 0);
            for (int b = 0; b < t.numCols; b++) {
                assertEquals(t.get(a, b), t.get(b, a), 1e-12 * t.get(a, a));
            }
        }
        assertEquals(t.get(0, 1), net.ntk(MonteCarlo.row(MonteCarlo.INPUTS, 0), MonteCarlo.row(MonteCarlo.INPUTS, 1)),
                1e-12 * t.get(0, 0));
    }

    @Test
    void sameSeedSameNetworkOtherSeedOtherNetwork() {
        MlpConfig config = MlpConfig.builder().width(32).depth(2).build();
        RandomMlp a = RandomMlp.sample(config, 3, 42), b = RandomMlp.sample(config, 3, 42);
        assertEquals(a.output(X), b.output(X), 0.0);
        assertNotEquals(a.output(X), RandomMlp.sample(config, 3, 43).output(X));
        assertArrayEquals(new double[] {a.output(X), a.output(X_PRIME)},
                a.outputs(new DMatrixRMaj(new double[][] {X, X_PRIME})), 1e-14);
    }

    @Test
    void hiddenLayersHaveTheWidthAndTheKernelVariance() {
        // ReLU, σ_w² = 2, σ_b² = 0, SUM: every pre-activation has variance 2‖x‖², so ‖h^l‖²/n → ‖x‖²
        MlpConfig config = MlpConfig.builder().width(4096).depth(3).weightVariance(2)
                .inputScaling(InputScaling.SUM).build();
        List<double[]> hidden = RandomMlp.sample(config, 3, 1).hidden(X);
        assertEquals(3, hidden.size());
        double norm2 = X[0] * X[0] + X[1] * X[1] + X[2] * X[2];
        for (double[] h : hidden) {
            assertEquals(4096, h.length);
            double s = 0;
            for (double v : h) {
                assertTrue(v >= 0);
                s += v * v;
            }
            // relative sd of ‖h‖²/n per layer is √(5/n) ≈ 3.5 %, growing over three layers
            assertEquals(norm2, s / 4096, 0.25 * norm2);
        }
    }

    @Test
    void estimatesDoNotDependOnTheNumberOfThreads() throws Exception {
        MlpConfig config = MlpConfig.builder().width(64).depth(2).biasVariance(0.2).build();
        KernelEstimate parallel = EmpiricalKernels.estimate(config, MonteCarlo.INPUTS, 12, 3);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            KernelEstimate serial = one.submit(
                    () -> EmpiricalKernels.estimate(config, MonteCarlo.INPUTS, 12, 3)).get();
            assertArrayEquals(parallel.nngp().data, serial.nngp().data, 0.0);
            assertArrayEquals(parallel.ntk().data, serial.ntk().data, 0.0);
            assertArrayEquals(parallel.ntkError().data, serial.ntkError().data, 0.0);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        assertMessage("width", () -> MlpConfig.builder().width(0).build());
        assertMessage("depth", () -> MlpConfig.builder().depth(0).build());
        assertMessage("weightVariance", () -> MlpConfig.builder().weightVariance(-1).build());
        MlpConfig config = MlpConfig.builder().width(8).build();
        assertMessage("inputDimension", () -> RandomMlp.sample(config, 0, 1));
        RandomMlp net = RandomMlp.sample(config, 3, 1);
        assertMessage("x has dimension 2", () -> net.output(new double[] {1, 2}));
        assertMessage("x[1]", () -> net.output(new double[] {1, Double.NaN, 2}));
        assertMessage("x′ has dimension 2", () -> net.ntk(X, new double[] {1, 2}));
        assertMessage("x′[2]", () -> net.ntk(X, new double[] {1, 2, Double.POSITIVE_INFINITY}));
        assertMessage("networks", () -> EmpiricalKernels.estimate(config, MonteCarlo.INPUTS, 1, 1));
        assertMessage("x[", () -> EmpiricalKernels.estimate(config,
                new DMatrixRMaj(new double[][] {{1, 2, Double.NaN}}), 4, 1));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should name " + fragment);
    }
}
