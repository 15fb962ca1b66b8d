package org.widenets.nn;

import java.util.Objects;
import org.widenets.kernel.DenseNet;
import org.widenets.kernel.Network;

/** {@link DenseNet} as an {@link Architecture}: kernel {@code spec.network()}, finite {@link RandomDenseNet}. */
record DenseNetArchitecture(DenseNet spec) implements Architecture {

    DenseNetArchitecture {
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
        return new DenseNetArchitecture(spec.withDepth(depth));
    }

    @Override
    public Network limit() {
        return spec.network();
    }

    @Override
    public FiniteNetwork sample(int width, int inputDimension, long seed) {
        return RandomDenseNet.sample(spec, width, inputDimension, new Xoshiro256(seed));
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
