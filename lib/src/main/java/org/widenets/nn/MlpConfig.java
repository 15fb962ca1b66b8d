package org.widenets.nn;

import java.util.Objects;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

/**
 * The architecture of a finite random MLP in the NTK parametrisation, the finite-width mirror of
 * {@link Mlp}: L hidden layers of width n, one activation, a scalar readout.
 * <pre>
 *   z¹ = s₁ W¹ x + σ_b b¹,          s₁ = σ_w/√d  ({@link InputScaling#MEAN})  or  σ_w  ({@link InputScaling#SUM})
 *   z^{l+1} = (σ_w/√n) W^{l+1} φ(z^l) + σ_b b^{l+1},   l = 1 … L   (z^{L+1} = f(x) ∈ ℝ, the readout)
 * </pre>
 * Every row of every W^l is drawn from {@link #weights()} (standard Gaussian by default) and every bias
 * is standard normal, so the parameters θ = (W, b) are what the empirical NTK differentiates by
 * (Jacot et al. 2018; shared/papers/kernel-formulas.md §2). With SUM the first-layer weights are
 * effectively N(0, σ_w²), as in Tsuchida et al. (shared/papers/elu-gelu-kernels.md §1.1).
 *
 * @param width          hidden width n ≥ 1
 * @param depth          number of hidden layers (nonlinearities) L ≥ 1
 * @param activation     φ, with φ′ used by backpropagation
 * @param weightVariance σ_w² ≥ 0
 * @param biasVariance   σ_b² ≥ 0
 * @param inputScaling   first-layer convention
 * @param weights        law of one weight row
 * @param jointBias      false: biases standard normal, independent of the weights; true: each unit's
 *                       (w_i, b_i) is one draw of dimension n_in + 1 from {@code weights}, so the bias is the
 *                       weight of a constant input coordinate — the augmented-input model of Tsuchida, Roosta
 *                       &amp; Gallagher (shared/papers/weight-invariance.md), whose one-layer ReLU kernel is the
 *                       equivalent kernel of the augmented input (s·x, σ_b) for every rotation-invariant law
 */
public record MlpConfig(int width, int depth, Activation activation, double weightVariance,
                        double biasVariance, InputScaling inputScaling, WeightDistribution weights,
                        boolean jointBias) {

    public MlpConfig {
        Checks.atLeast("width", width, 1);
        Checks.atLeast("depth", depth, 1);
        Objects.requireNonNull(activation, "activation");
        Checks.variance("weightVariance σ_w²", weightVariance);
        Checks.variance("biasVariance σ_b²", biasVariance);
        Objects.requireNonNull(inputScaling, "inputScaling");
        Objects.requireNonNull(weights, "weights");
    }

    /** Builder with the defaults of {@link Mlp#builder()} plus width 1024 and standard Gaussian weights. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy with another width. */
    public MlpConfig withWidth(int newWidth) {
        return new MlpConfig(newWidth, depth, activation, weightVariance, biasVariance, inputScaling, weights,
                jointBias);
    }

    /**
     * The infinite-width kernels of this architecture ({@link Mlp} with the same parameters). They are
     * the limit for weight rows with E[w wᵀ] = I, e.g. the default standard Gaussian; other laws need
     * their own kernel (shared/papers/weight-invariance.md).
     */
    public Network kernel() {
        return Mlp.builder().activation(activation).depth(depth).weightVariance(weightVariance)
                .biasVariance(biasVariance).inputScaling(inputScaling).build();
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int width = 1024;
        private int depth = 1;
        private Activation activation = AbRelu.relu();
        private double weightVariance = 1;
        private double biasVariance = 0;
        private InputScaling inputScaling = InputScaling.MEAN;
        private WeightDistribution weights = GaussianWeights.standard();
        private boolean jointBias = false;

        private Builder() {
        }

        public Builder width(int width) {
            this.width = width;
            return this;
        }

        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public Builder activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        public Builder weightVariance(double weightVariance) {
            this.weightVariance = weightVariance;
            return this;
        }

        public Builder biasVariance(double biasVariance) {
            this.biasVariance = biasVariance;
            return this;
        }

        public Builder inputScaling(InputScaling inputScaling) {
            this.inputScaling = inputScaling;
            return this;
        }

        public Builder weights(WeightDistribution weights) {
            this.weights = weights;
            return this;
        }

        /** Draw each unit's bias jointly with its weight row from {@link #weights} (see {@link MlpConfig}). */
        public Builder jointBias(boolean jointBias) {
            this.jointBias = jointBias;
            return this;
        }

        public MlpConfig build() {
            return new MlpConfig(width, depth, activation, weightVariance, biasVariance, inputScaling, weights,
                    jointBias);
        }
    }
}
