package org.widenets.kernel;

/**
 * A deep architecture value with an input layer σ₀·A x and a depth knob ({@link ResNet}, {@link DenseNet}):
 * what depth sweeps and finite random networks of the same parametrisation need from it.
 *
 * @param <S> the architecture type itself, so {@link #withDepth} keeps it
 */
public interface DeepArchitecture<S extends DeepArchitecture<S>> {

    /** φ. */
    Activation activation();

    /** L ≥ 1. */
    int depth();

    /** σ₀² of the input layer A. */
    double inputWeightVariance();

    InputScaling inputScaling();

    /** The same architecture at another depth. */
    S withDepth(int depth);

    /** The infinite-width kernel network. */
    Network network();

    /** Trainable weights of the width-n network on inputs of dimension n₀. */
    long parameterCount(int width, int inputDimension);

    /** Legend name without the depth. */
    String name();
}
