package org.widenets.nn;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.data.BinaryTask;
import org.widenets.data.Standardization;
import org.widenets.kernel.Checks;

/**
 * Synthetic binary task: x = ỹ·μ + ε with ε ~ N(0, I_n0), ỹ = ±1 balanced, and a fixed mean
 * direction μ = (separation/√n0)·(1, …, 1), so the class means are 2·separation apart.
 * Used by unit tests and as a fallback task (shared/papers/width-scalings.md §6). The inputs are used as
 * drawn (identity standardisation); rows number the training examples first, then the test examples.
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
        double[] yTrain = new double[nTrain];
        double[] yTest = new double[nTest];
        double[][] xTrain = sample(yTrain, dimension, separation, rng);
        double[][] xTest = sample(yTest, dimension, separation, rng);
        double[] zeros = new double[dimension];
        double[] ones = new double[dimension];
        Arrays.fill(ones, 1.0);
        int[] trainRows = java.util.stream.IntStream.range(0, nTrain).toArray();
        int[] testRows = java.util.stream.IntStream.range(nTrain, nTrain + nTest).toArray();
        return new BinaryTask("two Gaussians (n0 = " + dimension + ", separation " + separation + ", seed " + seed
                + ")", xTrain, yTrain, xTest, yTest, trainRows, testRows, new Standardization(zeros, ones));
    }

    // Fills y with alternating labels +1, −1 and returns the inputs x_i = y_i·μ + ε_i.
    private static double[][] sample(double[] y, int dimension, double separation, RandomGenerator rng) {
        double shift = separation / Math.sqrt(dimension);
        double[][] x = new double[y.length][dimension];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i % 2 == 0) ? 1 : -1;
            for (int j = 0; j < dimension; j++) {
                x[i][j] = y[i] * shift + rng.nextGaussian();
            }
        }
        return x;
    }
}
