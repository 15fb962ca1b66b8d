package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/** w ~ N(0, σ²·I): rotation invariant, E‖w‖² = nσ². */
public record GaussianWeights(double variance) implements WeightDistribution {

    public GaussianWeights {
        Checks.variance("variance", variance);
    }

    /** Standard normal entries. */
    public static GaussianWeights standard() {
        return new GaussianWeights(1);
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        double s = Math.sqrt(variance);
        for (int i = 0; i < row.length; i++) {
            row[i] = s * rng.nextGaussian();
        }
    }

    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        return n * variance;
    }

    @Override
    public boolean rotationInvariant() {
        return true;
    }

    @Override
    public String name() {
        return "Gaussian(" + variance + ")";
    }
}
