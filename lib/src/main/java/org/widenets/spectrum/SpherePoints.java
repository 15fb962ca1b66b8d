package org.widenets.spectrum;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.Checks;

/** Point sets on the unit sphere S^{d−1} ⊂ ℝ^d, one point per row. */
public final class SpherePoints {

    private SpherePoints() {
    }

    /** n independent uniform points: normalised standard Gaussian vectors, from a seeded generator. */
    public static DMatrixRMaj uniform(int d, int n, long seed) {
        SphericalHarmonics.checkDimension(d);
        Checks.atLeast("n", n, 1);
        RandomGenerator rng = new Well19937c(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double s;
            do {
                s = 0;
                for (int j = 0; j < d; j++) {
                    double g = rng.nextGaussian();
                    x.set(i, j, g);
                    s += g * g;
                }
            } while (s == 0);
            double norm = Math.sqrt(s);
            for (int j = 0; j < d; j++) {
                x.set(i, j, x.get(i, j) / norm);
            }
        }
        return x;
    }

    /** The Fibonacci (golden-spiral) grid of n nearly equal-area points on S² (d = 3). */
    public static DMatrixRMaj fibonacci(int n) {
        Checks.atLeast("n", n, 1);
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double z = 1 - (2 * i + 1.0) / n, r = Math.sqrt(Math.max(0, 1 - z * z)), phi = golden * i;
            x.set(i, 0, r * Math.cos(phi));
            x.set(i, 1, r * Math.sin(phi));
            x.set(i, 2, z);
        }
        return x;
    }
}
