package org.widenets.nn;

import java.util.Objects;
import org.widenets.kernel.Network;
import org.widenets.kernel.ResNet;

/** {@link ResNet} as an {@link Architecture}: kernel {@code spec.network()}, finite {@link RandomResNet}. */
record ResNetArchitecture(ResNet spec) implements Architecture {

    ResNetArchitecture {
        Objects.requireNonNull(spec, "spec");
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
        return new ResNetArchitecture(spec.withDepth(depth));
    }

    @Override
    public Network limit() {
        return spec.network();
    }

    @Override
    public FiniteNetwork sample(int width, int inputDimension, long seed) {
        return RandomResNet.sample(spec, width, inputDimension, new Xoshiro256(seed));
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
