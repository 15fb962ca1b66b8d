package org.widenets.kernel;

import java.util.Objects;

/**
 * A fully connected DenseNet with L densely connected layers in the NTK parametrisation
 * (shared/papers/residual-kernels.md §2, after Littwin, Galanti &amp; Wolf, arXiv 2001.10460):
 * <pre>
 *   h⁰ = σ₀·A x/√n₀
 *   hˡ = √(c/(l·n))·Wˡ [φ(h⁰); …; φ(h^{l−1})]         l = 1..L
 *   f  = √(c/((L+1)·n))·v·[φ(h⁰); …; φ(h^L)]
 * </pre>
 * c defaults to c_φ = 1/E[φ(g)²] (2 for ReLU). Kernel: Dense(σ₀²) → {@link DenseBlock} → Dense(c).
 * For ReLU, c = 2, |x|²/n₀ = 1 the NTK diagonal is 2.5 at L = 1 and 3.0833 at L = 3 (note §4).
 *
 * @param activation          φ
 * @param depth               L ≥ 1
 * @param weightVariance      c of the dense layers and the readout
 * @param inputWeightVariance σ₀²
 * @param inputScaling        input convention
 */
public record DenseNet(Activation activation, int depth, double weightVariance, double inputWeightVariance,
                       InputScaling inputScaling) {

    public DenseNet {
        Objects.requireNonNull(activation, "activation");
        Checks.atLeast("depth", depth, 1);
        Checks.variance("weightVariance c", weightVariance);
        Checks.variance("inputWeightVariance σ₀²", inputWeightVariance);
        Objects.requireNonNull(inputScaling, "inputScaling");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same architecture with L layers. */
    public DenseNet withDepth(int newDepth) {
        return new DenseNet(activation, newDepth, weightVariance, inputWeightVariance, inputScaling);
    }

    /** The kernel network. */
    public Network network() {
        return Network.serial(inputScaling, Dense.of(inputWeightVariance, 0),
                new DenseBlock(activation, depth, weightVariance), Dense.of(weightVariance, 0));
    }

    /** n·n₀ + Σ_{l=1..L} l·n² + (L+1)·n. */
    public long parameterCount(int width, int inputDimension) {
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputDimension", inputDimension, 1);
        long n = width, l = depth;
        return n * inputDimension + l * (l + 1) / 2 * n * n + (l + 1) * n;
    }

    public String name() {
        return "DenseNet";
    }

    @Override
    public String toString() {
        return "DenseNet, L = " + depth + ", φ = " + activation.name();
    }

    /** Builder with defaults: ReLU, depth 1, c = c_φ of the activation, σ₀² = 1, {@link InputScaling#MEAN}. */
    public static final class Builder {
        private Activation activation = AbRelu.relu();
        private int depth = 1;
        private Double weightVariance;
        private double inputWeightVariance = 1;
        private InputScaling inputScaling = InputScaling.MEAN;

        private Builder() {
        }

        public Builder activation(Activation activation) {
            this.activation = Objects.requireNonNull(activation, "activation");
            return this;
        }

        /** Number of densely connected layers L ≥ 1. */
        public Builder depth(int depth) {
            this.depth = Checks.atLeast("depth", depth, 1);
            return this;
        }

        public Builder weightVariance(double c) {
            this.weightVariance = Checks.variance("weightVariance c", c);
            return this;
        }

        public Builder inputWeightVariance(double sigma0Squared) {
            this.inputWeightVariance = Checks.variance("inputWeightVariance σ₀²", sigma0Squared);
            return this;
        }

        public Builder inputScaling(InputScaling inputScaling) {
            this.inputScaling = Objects.requireNonNull(inputScaling, "inputScaling");
            return this;
        }

        public DenseNet architecture() {
            double c = weightVariance != null ? weightVariance : ResNet.varianceNormaliser(activation);
            return new DenseNet(activation, depth, c, inputWeightVariance, inputScaling);
        }

        public Network build() {
            return architecture().network();
        }
    }
}
