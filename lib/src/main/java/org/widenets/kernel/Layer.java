package org.widenets.kernel;

/**
 * One step of an architecture in kernel space: maps the state of a pair of inputs before the layer
 * to the state after it (the stax idea of neural-tangents: an architecture is a composition of
 * layers, each transforming a kernel).
 *
 * <p>A layer acts on every input alike: the diagonal entries after it (q11, Θ11) depend only on the
 * diagonal entries of the same input before it. Kernel matrices rely on this to compute each input's
 * diagonal trajectory once and then only the off-diagonal scalars per pair
 * ({@link #applyOffDiagonal}).
 */
public interface Layer {

    /** The state after this layer. */
    PairKernel apply(PairKernel in);

    /**
     * The off-diagonal part of {@link #apply} for two distinct inputs, on primitives, for the inner loop
     * of kernel matrices: {@code offDiagonal} = {q12, Θ12} before the layer is overwritten with the
     * values after it, given the diagonal entries (q11, Θ11) of x and (q22, Θ22) of x′ before the layer.
     * Must agree with {@link #apply} to rounding. The default goes through {@link #apply}; layers
     * override it to avoid allocating a state per pair and layer.
     */
    default void applyOffDiagonal(double q11, double q22, double ntk11, double ntk22, double[] offDiagonal) {
        PairKernel out = apply(new PairKernel(q11, offDiagonal[0], q22, ntk11, offDiagonal[1], ntk22, false));
        offDiagonal[0] = out.q12();
        offDiagonal[1] = out.ntk12();
    }

    /** True for affine layers; a nonlinearity must follow one, because it needs a Gaussian input. */
    default boolean affine() {
        return false;
    }
}
