package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.DenseNet;
import org.widenets.kernel.Network;
import org.widenets.kernel.ResNet;

/**
 * An architecture family seen from both sides: its infinite-width kernel and its finite random
 * networks in the same parametrisation, at a given depth. Finite-width statistics
 * ({@link FiniteWidthStatistics}) sweep these over depth and width.
 */
public interface Architecture {

    /** Legend name without the depth, e.g. "ResNet R2 α = 1/√L". */
    String name();

    int depth();

    /** The same family at another depth (a depth-dependent branch multiplier is re-evaluated). */
    Architecture withDepth(int depth);

    /** The infinite-width kernel network. */
    Network limit();

    /** A width-n network with standard Gaussian weights drawn from {@code rng}. */
    FiniteNetwork sample(int width, int inputDimension, RandomGenerator rng);

    /** Number of trainable weights of the width-n network. */
    long parameterCount(int width, int inputDimension);

    static Architecture of(ResNet resNet) {
        return new ResNetArchitecture(resNet);
    }

    static Architecture of(DenseNet denseNet) {
        return new DenseNetArchitecture(denseNet);
    }

    static Architecture of(MlpArchitecture mlp) {
        return mlp;
    }
}
