package org.widenets.nn;

import java.util.Objects;
import org.hipparchus.random.RandomGenerator;

/**
 * A row (w, b) ∈ ℝ^{n+1} whose weights w ∈ ℝⁿ and bias b ∈ ℝ are drawn <b>independently</b>, the
 * bias as a one-dimensional draw of {@code bias}. Used with inputs augmented to (x, c).
 *
 * <p>This is the counter-example of shared/papers/weight-invariance.md §2.2: a rotation-invariant
 * bias must be drawn jointly with w (one radius for the whole row, i.e. the same law in dimension
 * n+1). With a multivariate-t w and an independent t bias the augmented-input kernel formula fails.
 * Only for Gaussian laws of equal variance do the two coincide; this class reports
 * {@link #rotationInvariant()} false regardless.
 */
public record IndependentBias(WeightDistribution weights, WeightDistribution bias) implements WeightDistribution {

    public IndependentBias {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
    }

    /** Fills row[0..n−1] with w and row[n] with b, n + 1 = row.length ≥ 2. */
    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        if (row.length < 2) {
            throw new IllegalArgumentException("a row with a bias needs dimension n + 1 ≥ 2, got " + row.length);
        }
        double[] w = new double[row.length - 1];
        weights.sampleRow(rng, w);
        System.arraycopy(w, 0, row, 0, w.length);
        double[] b = new double[1];
        bias.sampleRow(rng, b);
        row[w.length] = b[0];
    }

    /** E‖(w, b)‖² = E‖w‖² (dimension n − 1) + E b² (dimension 1), for rows of total dimension n. */
    @Override
    public double expectedSquaredNorm(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a row with a bias needs dimension n + 1 ≥ 2, got " + n);
        }
        return weights.expectedSquaredNorm(n - 1) + bias.expectedSquaredNorm(1);
    }

    @Override
    public boolean finiteFourthMoment() {
        return weights.finiteFourthMoment() && bias.finiteFourthMoment();
    }

    @Override
    public boolean rotationInvariant() {
        return false;
    }

    @Override
    public String name() {
        return weights.name() + " + independent bias " + bias.name();
    }
}
