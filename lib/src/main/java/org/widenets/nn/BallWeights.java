package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * w uniform in the ball of radius R in ℝⁿ: w = R·U^{1/n}·z/‖z‖ with U ~ U(0, 1), z ~ N(0, I)
 * (the radius of a uniform point has density ∝ r^{n−1}). Rotation invariant;
 * E‖w‖² = R²·n/(n+2) (shared/papers/weight-invariance.md §2.2).
 */
public record BallWeights(double radius) implements WeightDistribution {

    public BallWeights {
        Checks.positive("radius", radius);
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        int n = Checks.atLeast("row dimension", row.length, 1);
        Directions.sample(rng, row);
        Directions.scale(row, radius * Math.pow(rng.nextDouble(), 1.0 / n));
    }

    /** E‖w‖² = R² E[U^{2/n}] = R²·n/(n+2). */
    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        return radius * radius * n / (n + 2.0);
    }

    @Override
    public boolean rotationInvariant() {
        return true;
    }

    @Override
    public String name() {
        return "ball(R=" + radius + ")";
    }
}
