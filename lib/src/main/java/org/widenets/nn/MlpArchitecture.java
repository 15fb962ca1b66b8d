package org.widenets.nn;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.Network;

/** {@link MlpConfig} as an {@link Architecture}: kernel {@code config.kernel()}, finite {@link RandomMlp}. */
record MlpArchitecture(MlpConfig config) implements Architecture {

    MlpArchitecture {
        Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "MLP";
    }

    @Override
    public int depth() {
        return config.depth();
    }

    @Override
    public Architecture withDepth(int depth) {
        return new MlpArchitecture(new MlpConfig(config.width(), depth, config.activation(), config.weightVariance(),
                config.biasVariance(), config.inputScaling(), config.weights(), config.jointBias()));
    }

    @Override
    public Network limit() {
        return config.kernel();
    }

    @Override
    public FiniteNetwork sample(int width, int inputDimension, long seed) {
        RandomMlp net = RandomMlp.sample(config.withWidth(width), inputDimension, seed);
        return new FiniteNetwork() {
            @Override
            public int inputDimension() {
                return inputDimension;
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public double[] outputs(DMatrixRMaj x) {
                return net.outputs(x);
            }

            @Override
            public KernelMatrices kernels(DMatrixRMaj x) {
                RandomMlp.Kernels k = net.kernels(x);
                return new KernelMatrices(k.nngp(), k.ntk());
            }

            @Override
            public String toString() {
                return net.toString();
            }
        };
    }

    /** n·n₀ + (L−1)·n² + n weights, plus L·n + 1 biases when σ_b² &gt; 0. */
    @Override
    public long parameterCount(int width, int inputDimension) {
        long n = width, weights = n * inputDimension + (config.depth() - 1L) * n * n + n;
        return config.biasVariance() > 0 ? weights + config.depth() * n + 1 : weights;
    }

    @Override
    public String toString() {
        return "MLP, L = " + config.depth() + ", φ = " + config.activation().name();
    }
}
