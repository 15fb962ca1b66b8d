package org.widenets.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Builder for the common case: a fully connected network with L hidden layers of one activation,
 * <pre>
 *   Dense(σ_w², σ_b²) → φ → Dense(σ_w², σ_b²) → φ → … → φ → Dense(σ_w², σ_b²)   (readout)
 * </pre>
 * so "depth L" means L nonlinearities and the kernel is that of the network output, readout included
 * (the convention of Tsuchida et al., shared/papers/elu-gelu-kernels.md §1.2).
 *
 * <pre>
 * Network net = Mlp.builder().activation(AbRelu.relu()).depth(4)
 *         .weightVariance(2).biasVariance(0).inputScaling(InputScaling.SUM).build();
 * </pre>
 */
public final class Mlp {

    private Mlp() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults: ReLU, depth 1, σ_w² = 1, σ_b² = 0, input convention {@link InputScaling#MEAN}. */
    public static final class Builder extends NetworkBuilder<Builder> {
        private double weightVariance = 1;
        private double biasVariance = 0;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder weightVariance(double weightVariance) {
            this.weightVariance = Checks.variance("weightVariance σ_w²", weightVariance);
            return this;
        }

        public Builder biasVariance(double biasVariance) {
            this.biasVariance = Checks.variance("biasVariance σ_b²", biasVariance);
            return this;
        }

        public Network build() {
            Dense dense = Dense.of(weightVariance, biasVariance);
            Nonlinearity phi = new Nonlinearity(activation);
            List<Layer> layers = new ArrayList<>(2 * depth + 1);
            for (int l = 0; l < depth; l++) {
                layers.add(dense);
                layers.add(phi);
            }
            layers.add(dense);
            return Network.serial(inputScaling, layers);
        }
    }
}
