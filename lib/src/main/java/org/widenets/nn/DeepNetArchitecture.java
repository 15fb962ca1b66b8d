package org.widenets.nn;

import java.util.Objects;
import org.widenets.kernel.DeepArchitecture;
import org.widenets.kernel.Network;

/**
 * A {@link DeepArchitecture} ({@link org.widenets.kernel.ResNet}, {@link org.widenets.kernel.DenseNet}) as an
 * {@link Architecture}: kernel {@code spec.network()}, finite networks from {@code sampler}.
 */
record DeepNetArchitecture<S extends DeepArchitecture<S>>(S spec, Sampler<S> sampler) implements Architecture {

    /** Draws the width-n network of {@code spec}; a constant per family, so equal specs give equal architectures. */
    interface Sampler<S> {
        FiniteNetwork sample(S spec, int width, int inputDimension, Xoshiro256 rng);
    }

    static final Sampler<org.widenets.kernel.ResNet> RES_NET = RandomResNet::sample;
    static final Sampler<org.widenets.kernel.DenseNet> DENSE_NET = RandomDenseNet::sample;

    DeepNetArchitecture {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sampler, "sampler");
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int depth() {
        return spec.depth();
    }

    @Override
    public Architecture withDepth(int depth) {
        return new DeepNetArchitecture<>(spec.withDepth(depth), sampler);
    }

    @Override
    public Network limit() {
        return spec.network();
    }

    @Override
    public FiniteNetwork sample(int width, int inputDimension, long seed) {
        return sampler.sample(spec, width, inputDimension, new Xoshiro256(seed));
    }

    @Override
    public long parameterCount(int width, int inputDimension) {
        return spec.parameterCount(width, inputDimension);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
