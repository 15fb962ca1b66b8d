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

    /**
     * {@link #applyOffDiagonal(double, double, double, double, double[])} for one input x against a
     * block of inputs x′_b, b &lt; count: q12[b], ntk12[b] are updated in place, given x's diagonal
     * (q11, Θ11) and x′_b's diagonal q22[from + b], ntk22[from + b], all before the layer. The entries are
     * independent, so the processor overlaps their long chains of dependent operations (square root,
     * arctangent, division) instead of waiting for each; this is what makes kernel matrices fast.
     * The default loops over the scalar method.
     */
    default void applyOffDiagonal(double q11, double ntk11, double[] q22, double[] ntk22, int from,
                                  double[] q12, double[] ntk12, int count) {
        double[] state = new double[2];
        for (int b = 0; b < count; b++) {
            state[0] = q12[b];
            state[1] = ntk12[b];
            applyOffDiagonal(q11, q22[from + b], ntk11, ntk22[from + b], state);
            q12[b] = state[0];
            ntk12[b] = state[1];
        }
    }

    /** True for affine layers; a nonlinearity must follow one, because it needs a Gaussian input. */
    default boolean affine() {
        return false;
    }
}
