package org.widenets.kernel;

/**
 * One step of an architecture in kernel space: maps the state of a pair of inputs before the layer
 * to the state after it (the stax idea of neural-tangents: an architecture is a composition of
 * layers, each transforming a kernel).
 */
public interface Layer {

    /** The state after this layer. */
    PairKernel apply(PairKernel in);

    /** True for affine layers; a nonlinearity must follow one, because it needs a Gaussian input. */
    default boolean affine() {
        return false;
    }
}
