package org.widenets.nn;

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

    /** A width-n network whose weights are determined by {@code seed}. */
    FiniteNetwork sample(int width, int inputDimension, long seed);

    /** Number of trainable weights of the width-n network. */
    long parameterCount(int width, int inputDimension);

    static Architecture of(ResNet resNet) {
        return new ResNetArchitecture(resNet);
    }

    static Architecture of(DenseNet denseNet) {
        return new DenseNetArchitecture(denseNet);
    }

    /** The MLP of {@code config} at any width ({@code config.width()} is ignored). */
    static Architecture of(MlpConfig config) {
        return new MlpArchitecture(config);
    }

    /** ReLU MLP with L hidden layers, σ_w² = 2, no bias: the He-initialised baseline the residual paper compares with. */
    static Architecture reluMlp(int depth) {
        return of(MlpConfig.builder().depth(depth).weightVariance(2).build());
    }
}
