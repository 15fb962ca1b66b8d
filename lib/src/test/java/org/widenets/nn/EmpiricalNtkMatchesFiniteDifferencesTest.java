package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.DenseNet;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.ResNet;
import org.widenets.kernel.ResidualBranch;

/**
 * The backpropagated empirical NTK Σ s²(δ·δ′)(a·a′) equals ∇f(x)·∇f(x′) with the gradient formed
 * explicitly by central differences over every parameter of a small network. Leaky ReLU keeps every unit differentiable away from a null set of kinks.
 */
class EmpiricalNtkMatchesFiniteDifferencesTest {

    private static final DMatrixRMaj X = new DMatrixRMaj(new double[][] {
            {0.7, -1.1, 0.4}, {-0.3, 0.9, 1.3}, {1.2, 0.5, -0.8}});
    private static final double H = 1e-6;

    private static void assertTangentKernel(FiniteNetwork net, double[][] parameters) {
        int n = X.numRows, count = 0;
        for (double[] p : parameters) count += p.length;
        double[][] grad = new double[n][count];
        int k = 0;
        for (double[] p : parameters) {
            for (int j = 0; j < p.length; j++, k++) {
                double keep = p[j];
                p[j] = keep + H;
                double[] up = net.outputs(X);
                p[j] = keep - H;
                double[] down = net.outputs(X);
                p[j] = keep;
                for (int i = 0; i < n; i++) grad[i][k] = (up[i] - down[i]) / (2 * H);
            }
        }
        KernelMatrices km = net.kernels(X);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int q = 0; q < count; q++) dot += grad[i][q] * grad[j][q];
                assertEquals(dot, km.ntk().get(i, j), 1e-6 * Math.max(1, Math.abs(dot)), net + " Θ" + i + j);
            }
        }
    }

    @Test
    void resNetsWithBothBranches() {
        for (ResidualBranch branch : ResidualBranch.values()) {
            ResNet spec = ResNet.builder().activation(AbRelu.leakyRelu(0.2)).branch(branch).depth(3).alpha(0.7)
                    .branchWeightVariance(1.7).inputWeightVariance(1.3).architecture();
            RandomResNet net = RandomResNet.sample(spec, 5, 3, new Xoshiro256(11));
            assertTangentKernel(net, net.parameterArrays());
        }
        ResNet plain = ResNet.builder().activation(AbRelu.leakyRelu(0.2)).depth(2).withoutSkip()
                .inputScaling(InputScaling.SUM).architecture();
        RandomResNet net = RandomResNet.sample(plain, 4, 3, new Xoshiro256(12));
        assertTangentKernel(net, net.parameterArrays());
    }

    @Test
    void denseNet() {
        DenseNet spec = DenseNet.builder().activation(AbRelu.leakyRelu(-0.3)).depth(3).architecture();
        RandomDenseNet net = RandomDenseNet.sample(spec, 4, 3, new Xoshiro256(13));
        assertTangentKernel(net, net.parameterArrays());
    }

}
