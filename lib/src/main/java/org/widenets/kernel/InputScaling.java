package org.widenets.kernel;

/**
 * How the input layer turns raw inputs into the zeroth kernel K⁰(x, x′).
 *
 * <ul>
 *   <li>{@link #MEAN}: K⁰ = x·x′/d, the convention of neural-tangents (shared/papers/kernel-formulas.md §1);
 *       in a finite network the first-layer weights are fan-in scaled like every other layer.</li>
 *   <li>{@link #SUM}: K⁰ = x·x′, the convention of Tsuchida et al., "Avoiding Kernel Fixed Points"
 *       (shared/papers/elu-gelu-kernels.md §1.1): first-layer weights N(0, σ_w²) without 1/d.</li>
 * </ul>
 */
public enum InputScaling {
    MEAN,
    SUM;

    /** The factor multiplying x·x′ for inputs of dimension d. */
    public double factor(int d) {
        return this == MEAN ? 1.0 / d : 1.0;
    }
}
