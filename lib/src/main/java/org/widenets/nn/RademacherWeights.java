package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * i.i.d. coordinates ±s with probability ½ each: E‖w‖² = n·s². <b>Not</b> rotation invariant (the
 * law lives on the corners of a cube), the strongest counter-example of
 * shared/papers/weight-invariance.md §5.1: at n = 3 its ReLU kernel misses the Gaussian one by 30–100 %.
 */
public record RademacherWeights(double scale) implements WeightDistribution {

    public RademacherWeights {
        Checks.positive("scale", scale);
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = rng.nextBoolean() ? scale : -scale;
        }
    }

    /** E‖w‖² = n·s². */
    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        return n * scale * scale;
    }

    @Override
    public boolean rotationInvariant() {
        return false;
    }

    @Override
    public String name() {
        return "Rademacher(±" + scale + ")";
    }
}
