package org.widenets.gp;

import org.ejml.data.DMatrixRMaj;

/**
 * A prior covariance function for GP regression, evaluated on sets of inputs (rows of double[][]).
 * Implementations: {@link NetworkKernel} (NNGP or NTK of any {@code kernel.Network}), {@link ArdRbf}.
 */
public interface GpKernel {

    /** The n×n prior covariance of the rows of x. */
    DMatrixRMaj gram(double[][] x);

    /** The m×n cross-covariance K_ij = k(a_i, b_j). */
    DMatrixRMaj cross(double[][] a, double[][] b);

    /** The prior variances k(x_i, x_i). */
    double[] diagonal(double[][] x);

    /** Short name for tables and legends. */
    String name();

    /** Copies rows into a row-major EJML matrix, checking shape and finiteness. */
    static DMatrixRMaj matrix(String name, double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        int d = x[0].length;
        DMatrixRMaj m = new DMatrixRMaj(x.length, d);
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException(name + " row " + i + " has " + x[i].length + " columns, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, got " + x[i][j]);
                }
                m.unsafe_set(i, j, x[i][j]);
            }
        }
        return m;
    }
}
