package org.widenets.nn;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.Checks;

/**
 * Synthetic binary task: x = ỹ·μ + ε with ε ~ N(0, I_n0), ỹ = ±1 balanced, and a fixed mean
 * direction μ = (separation/√n0)·(1, …, 1), so the class means are 2·separation apart.
 * Used by unit tests and as a fallback task (shared/papers/width-scalings.md §6).
 */
public final class TwoGaussians {

    private TwoGaussians() {
    }

    /** A seeded task with nTrain training and nTest test examples in dimension n0. */
    public static BinaryTask task(int nTrain, int nTest, int dimension, double separation, long seed) {
        Checks.atLeast("nTrain", nTrain, 2);
        Checks.atLeast("nTest", nTest, 1);
        Checks.atLeast("dimension", dimension, 1);
        Checks.variance("separation", separation);
        RandomGenerator rng = new Well19937c(seed);
        LabelledInputs train = sample(nTrain, dimension, separation, rng);
        LabelledInputs test = sample(nTest, dimension, separation, rng);
        return new BinaryTask("two Gaussians (separation " + separation + ")", train, test);
    }

    private static LabelledInputs sample(int n, int dimension, double separation, RandomGenerator rng) {
        double shift = separation / Math.sqrt(dimension);
        DMatrixRMaj x = new DMatrixRMaj(n, dimension);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i % 2 == 0) ? 1 : -1;
            for (int j = 0; j < dimension; j++) {
                x.unsafe_set(i, j, y[i] * shift + rng.nextGaussian());
            }
        }
        return new LabelledInputs(x, y);
    }
}
