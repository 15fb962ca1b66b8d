package org.widenets.nn;

import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.KernelMatrices;

/**
 * A random network of finite width n with sampled weights: the Monte Carlo mirror of an infinite-width
 * kernel {@link org.widenets.kernel.Network} in the same parametrisation.
 */
public interface FiniteNetwork {

    /** n₀. */
    int inputDimension();

    /** n, the width of the hidden layers. */
    int width();

    /** f(x_i) for every row of {@code x} (N×n₀). */
    double[] outputs(DMatrixRMaj x);

    /**
     * The empirical kernels on the rows of {@code x}: the NTK Θ_n(x_i, x_j) = ∇_θ f(x_i)·∇_θ f(x_j) by
     * backpropagation, as Σ over weight matrices of s²(δ_i·δ_j)(a_i·a_j) (layer z = s·W a, δ = ∂f/∂z),
     * without forming gradient vectors; and the NNGP of the readout given the hidden weights,
     * E_v[f(x_i) f(x_j)] = s_v²·(a_i·a_j) with a the readout's input.
     */
    KernelMatrices kernels(DMatrixRMaj x);

    /** Θ_n(x, x). */
    default double ntkDiagonal(double[] x) {
        return kernels(new DMatrixRMaj(1, x.length, true, x)).ntk().get(0, 0);
    }
}
