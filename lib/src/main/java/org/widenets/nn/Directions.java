package org.widenets.nn;

import org.hipparchus.random.RandomGenerator;

/**
 * Uniform directions on the unit sphere S^{n−1}: u = z/‖z‖ with z ~ N(0, I_n), the recipe of
 * shared/papers/weight-invariance.md §2.2. Written by hand because Hipparchus'
 * {@code UnitSphereRandomVectorGenerator} holds its own generator and allocates a vector per draw.
 */
final class Directions {

    private Directions() {
    }

    /** Overwrites {@code row} with a uniform unit vector; redraws in the (measure-zero) case z = 0. */
    static void sample(RandomGenerator rng, double[] row) {
        double norm2;
        do {
            norm2 = 0;
            for (int i = 0; i < row.length; i++) {
                double z = rng.nextGaussian();
                row[i] = z;
                norm2 += z * z;
            }
        } while (norm2 == 0);
        double inv = 1 / Math.sqrt(norm2);
        for (int i = 0; i < row.length; i++) {
            row[i] *= inv;
        }
    }

    /** Multiplies a row in place by s. */
    static void scale(double[] row, double s) {
        for (int i = 0; i < row.length; i++) {
            row[i] *= s;
        }
    }
}
