package org.widenets.kernel;

import java.util.Objects;

/**
 * The hyperparameters every network builder ({@link Mlp}, {@link ResNet}, {@link DenseNet}) takes, with the
 * same defaults and checks: ReLU, depth 1, {@link InputScaling#MEAN}.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
abstract class NetworkBuilder<B extends NetworkBuilder<B>> {

    Activation activation = AbRelu.relu();
    int depth = 1;
    InputScaling inputScaling = InputScaling.MEAN;

    NetworkBuilder() {
    }

    /** The builder itself, typed as the subclass. */
    abstract B self();

    public B activation(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
        return self();
    }

    /** Depth L ≥ 1: hidden layers (nonlinearities) of an MLP, residual blocks of a ResNet, layers of a DenseNet. */
    public B depth(int depth) {
        this.depth = Checks.atLeast("depth", depth, 1);
        return self();
    }

    /** x·x′/n₀ ({@link InputScaling#MEAN}) or x·x′ ({@link InputScaling#SUM}). */
    public B inputScaling(InputScaling inputScaling) {
        this.inputScaling = Objects.requireNonNull(inputScaling, "inputScaling");
        return self();
    }
}
