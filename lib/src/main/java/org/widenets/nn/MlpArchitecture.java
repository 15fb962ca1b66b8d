package org.widenets.nn;

import java.util.Objects;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

/**
 * The fully connected network of {@link Mlp} as a value: L hidden layers of φ, every layer
 * Dense(σ_w², σ_b²), readout included; kernel {@link #limit()}, finite {@link RandomMlp}.
 *
 * @param activation     φ
 * @param depth          L ≥ 1 nonlinearities
 * @param weightVariance σ_w²
 * @param biasVariance   σ_b²
 * @param inputScaling   input convention
 */
public record MlpArchitecture(Activation activation, int depth, double weightVariance, double biasVariance,
                              InputScaling inputScaling) implements Architecture {

    public MlpArchitecture {
        Objects.requireNonNull(activation, "activation");
        Checks.atLeast("depth", depth, 1);
        Checks.variance("weightVariance σ_w²", weightVariance);
        Checks.variance("biasVariance σ_b²", biasVariance);
        Objects.requireNonNull(inputScaling, "inputScaling");
    }

    /** ReLU, σ_w² = 2, no bias, MEAN inputs: the He-initialised MLP the residual paper compares with. */
    public static MlpArchitecture relu(int depth) {
        return new MlpArchitecture(AbRelu.relu(), depth, 2, 0, InputScaling.MEAN);
    }

    @Override
    public String name() {
        return "MLP";
    }

    @Override
    public MlpArchitecture withDepth(int newDepth) {
        return new MlpArchitecture(activation, newDepth, weightVariance, biasVariance, inputScaling);
    }

    @Override
    public Network limit() {
        return Mlp.builder().activation(activation).depth(depth).weightVariance(weightVariance)
                .biasVariance(biasVariance).inputScaling(inputScaling).build();
    }

    @Override
    public FiniteNetwork sample(int width, int inputDimension, RandomGenerator rng) {
        return RandomMlp.sample(this, width, inputDimension, GaussianWeights.standard(), rng);
    }

    /** n·n₀ + (L−1)·n² + n weights, plus L·n + 1 biases when σ_b² &gt; 0. */
    @Override
    public long parameterCount(int width, int inputDimension) {
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputDimension", inputDimension, 1);
        long n = width;
        long weights = n * inputDimension + (depth - 1L) * n * n + n;
        return biasVariance > 0 ? weights + depth * n + 1 : weights;
    }

    @Override
    public String toString() {
        return "MLP, L = " + depth + ", φ = " + activation.name() + ", σ_w² = " + weightVariance
                + ", σ_b² = " + biasVariance;
    }
}
