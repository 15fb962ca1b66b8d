package org.widenets.nn;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;
import org.widenets.kernel.DeepArchitecture;

/**
 * What {@link RandomResNet} and {@link RandomDenseNet} share: the validated sampling arguments and the
 * input layer h⁰ = σ₀·A x/√n₀ (MEAN) or σ₀·A x (SUM), whose n×n₀ matrix A is drawn first from the law.
 */
abstract class DeepRandomNetwork<S extends DeepArchitecture<S>> implements FiniteNetwork {

    final S architecture;
    final int width;
    final int inputDimension;
    final DMatrixRMaj input;

    DeepRandomNetwork(S architecture, int width, int inputDimension, WeightDistribution law, RandomGenerator rng) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.width = Checks.atLeast("width", width, 1);
        this.inputDimension = Checks.atLeast("inputDimension", inputDimension, 1);
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(rng, "rng");
        this.input = Batch.draw(law, rng, width, inputDimension);
    }

    public S architecture() {
        return architecture;
    }

    @Override
    public int inputDimension() {
        return inputDimension;
    }

    @Override
    public int width() {
        return width;
    }

    /** σ₀·√(scaling factor of n₀): the multiplier of A. */
    double inputScale() {
        return Math.sqrt(architecture.inputWeightVariance() * architecture.inputScaling().factor(inputDimension));
    }

    @Override
    public String toString() {
        return "random " + architecture + ", n = " + width;
    }
}
