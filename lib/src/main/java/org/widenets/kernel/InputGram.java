package org.widenets.kernel;

/**
 * Dot products of input rows, G_ij = x_i·y_j, for one tile of a kernel matrix.
 *
 * <p>Written by hand, not EJML: on our 2-core machine EJML's {@code CommonOps_MT_DDRM.multTransB} took
 * 20–30 s and {@code multOuter} 6–12 s for N = 4000, d = 784, because each dot product is one serial
 * chain of additions. Here the tile is built in "axpy" form against a transposed copy of y,
 * G_i· += x_ik·yᵀ_k·, whose innermost loop runs along a row of the output and is vectorised by C2
 * (the dot-product form cannot be: its loop is a reduction); the k loop is blocked so that the block of
 * yᵀ stays in the L1 cache. The additions over k happen in the same order as in a plain loop; only the
 * rounding of each product differs (fma rounds once).
 */
final class InputGram {

    /** Rows of yᵀ per block: 32 rows × 128 columns × 8 bytes = 32 KB, the L1 data cache. */
    private static final int K_BLOCK = 32;

    private InputGram() {
    }

    /** yᵀ (d × m, row-major) of y (m × d, row-major). */
    static double[] transpose(double[] y, int m, int d) {
        double[] t = new double[d * m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                t[k * m + j] = y[j * d + k];
            }
        }
        return t;
    }

    /**
     * out[i·stride + j] = Σ_k x[i·d + k]·y[j·d + k] for i in [i0, i1), j in [j0, j1), given yT = yᵀ
     * ({@link #transpose}, m = stride columns). x: row-major with d columns. out: modified only in the tile.
     */
    static void tile(double[] x, double[] yT, int d, int i0, int i1, int j0, int j1, double[] out, int stride) {
        for (int i = i0; i < i1; i++) {
            java.util.Arrays.fill(out, i * stride + j0, i * stride + j1, 0.0);
        }
        for (int k0 = 0; k0 < d; k0 += K_BLOCK) {
            int k1 = Math.min(d, k0 + K_BLOCK);
            for (int i = i0; i < i1; i++) {
                int row = i * stride;
                for (int k = k0; k < k1; k++) {
                    axpy(x[i * d + k], yT, k * stride + j0, out, row + j0, j1 - j0);
                }
            }
        }
    }

    /** c[ic + j] = fma(a, b[ib + j], c[ic + j]) for j &lt; n: a loop C2 vectorises. */
    private static void axpy(double a, double[] b, int ib, double[] c, int ic, int n) {
        for (int j = 0; j < n; j++) {
            c[ic + j] = Math.fma(a, b[ib + j], c[ic + j]);
        }
    }

    /** Σ_k a[ia + k]·b[ib + k], summed in order of k. */
    static double dot(double[] a, int ia, double[] b, int ib, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += a[ia + k] * b[ib + k];
        }
        return s;
    }
}
