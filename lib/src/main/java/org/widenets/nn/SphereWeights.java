package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * w uniform on the sphere of radius R in ℝⁿ: w = R·z/‖z‖, z ~ N(0, I). Rotation invariant with a
 * deterministic radius, E‖w‖² = R² for every n (shared/papers/weight-invariance.md §2.2).
 */
public record SphereWeights(double radius) implements WeightDistribution {

    public SphereWeights {
        Checks.positive("radius", radius);
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        Checks.atLeast("row dimension", row.length, 1);
        Directions.sample(rng, row);
        Directions.scale(row, radius);
    }

    /** E‖w‖² = R². */
    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        return radius * radius;
    }

    @Override
    public boolean rotationInvariant() {
        return true;
    }

    @Override
    public String name() {
        return "sphere(R=" + radius + ")";
    }
}
