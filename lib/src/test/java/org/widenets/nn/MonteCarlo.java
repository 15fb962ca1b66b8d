package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Network;
import org.widenets.kernel.PairKernel;

/** Shared assertions of the Monte Carlo tests: finite networks against the analytic kernels. */
final class MonteCarlo {

    /** Inputs of dimension 3 with different norms, one nearly opposite to another, one small. */
    static final DMatrixRMaj INPUTS = new DMatrixRMaj(new double[][] {
            {1.0, 0.5, -0.3},
            {0.2, -1.1, 0.8},
            {-0.9, -0.4, 0.35},
            {0.05, 0.1, 0.02}});

    private MonteCarlo() {
    }

    /** Analytic NNGP (first) and NTK (second) matrices of the rows of x, by the pair path. */
    static DMatrixRMaj[] analytic(Network net, DMatrixRMaj x) {
        int p = x.numRows;
        DMatrixRMaj k = new DMatrixRMaj(p, p), t = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                PairKernel s = net.pair(row(x, a), row(x, b));
                k.set(a, b, s.q12());
                t.set(a, b, s.ntk12());
            }
        }
        return new DMatrixRMaj[] {k, t};
    }

    static double[] row(DMatrixRMaj x, int a) {
        double[] r = new double[x.numCols];
        System.arraycopy(x.data, a * x.numCols, r, 0, x.numCols);
        return r;
    }

    /**
     * Every entry within {@code z} standard errors of the analytic value. The standard error must be
     * positive and below {@code maxRelativeError} of the scale of the kernel, so the check has teeth.
     */
    static void assertWithin(String what, DMatrixRMaj expected, DMatrixRMaj mean, DMatrixRMaj error,
                             double z, double maxRelativeError) {
        double scale = 0;
        for (int a = 0; a < expected.numRows; a++) {
            scale = Math.max(scale, Math.abs(expected.get(a, a)));
        }
        StringBuilder bad = new StringBuilder();
        for (int k = 0; k < expected.data.length; k++) {
            double e = expected.data[k], m = mean.data[k], se = error.data[k];
            assertTrue(Double.isFinite(m) && Double.isFinite(se), what + ": non-finite estimate");
            assertTrue(se <= maxRelativeError * scale,
                    what + ": standard error " + se + " too large for a meaningful test (scale " + scale + ")");
            if (Math.abs(m - e) > z * se + 1e-12 * scale) {
                bad.append(String.format("%n  entry %d: analytic %.6g, Monte Carlo %.6g ± %.2g (%.1f SE)",
                        k, e, m, se, (m - e) / se));
            }
        }
        if (bad.length() > 0) {
            fail(what + ": Monte Carlo disagrees with the analytic kernel beyond " + z + " SE" + bad);
        }
    }
}
