package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;

/**
 * The law of one row w ∈ ℝⁿ of a weight matrix (the incoming weights of one hidden unit).
 *
 * <p>Finite random networks draw each row independently from it; the infinite-width kernels depend on
 * the law only through E‖w‖²/n when it is rotation invariant (Tsuchida, Roosta &amp; Gallagher 2018,
 * shared/papers/weight-invariance.md). Implementations are immutable; randomness comes only from the
 * generator passed in.
 */
public interface WeightDistribution {

    /** Fills {@code row} with one draw of w ∈ ℝⁿ, n = row.length. */
    void sampleRow(RandomGenerator rng, double[] row);

    /** E‖w‖² for rows of dimension n (an {@link IllegalArgumentException} where it is infinite). */
    double expectedSquaredNorm(int n);

    /**
     * E‖w‖⁴ &lt; ∞, the condition for Monte Carlo standard errors of kernel estimates to be valid
     * (shared/papers/weight-invariance.md §3). True unless a law says otherwise (multivariate t with ν ≤ 4).
     */
    default boolean finiteFourthMoment() {
        return true;
    }

    /** True when the law of w equals the law of Qw for every orthogonal Q. */
    boolean rotationInvariant();

    /** Name for tables and legends. */
    String name();
}
