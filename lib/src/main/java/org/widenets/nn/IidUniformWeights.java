package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * i.i.d. coordinates uniform on [−c, c]: E‖w‖² = n·c²/3. <b>Not</b> rotation invariant (the law is a
 * cube), so the ReLU equivalent kernel differs from the Gaussian one at small n and approaches it
 * only as n → ∞ by the central limit theorem (shared/papers/weight-invariance.md §2.3).
 */
public record IidUniformWeights(double halfWidth) implements WeightDistribution {

    public IidUniformWeights {
        Checks.positive("halfWidth", halfWidth);
    }

    /** The uniform law with per-coordinate variance v: c = √(3v). */
    public static IidUniformWeights withVariance(double variance) {
        return new IidUniformWeights(Math.sqrt(3 * Checks.positive("variance", variance)));
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = halfWidth * (2 * rng.nextDouble() - 1);
        }
    }

    /** E‖w‖² = n·c²/3. */
    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        return n * halfWidth * halfWidth / 3;
    }

    @Override
    public boolean rotationInvariant() {
        return false;
    }

    @Override
    public String name() {
        return String.format("iid uniform(±%.4g)", halfWidth);
    }
}
