package org.widenets.kernel;

/**
 * Dot products of input rows, G_ij = x_i·y_j, for one tile of a kernel matrix.
 *
 * <p>Written by hand, not EJML: on our 2-core machine EJML's {@code CommonOps_MT_DDRM.multTransB} took
 * 20–30 s and {@code multOuter} 6–12 s for N = 4000, d = 784, because each dot product is one serial
 * chain of additions. Here a 4×2 register tile keeps eight independent sums of fused multiply–adds and
 * reuses every loaded value four or two times, which is the whole trick. The additions over k happen
 * in the same order as in a plain loop; only the rounding of each product differs (fma rounds once).
 */
final class InputGram {

    private InputGram() {
    }

    /**
     * out[i·stride + j] = Σ_k x[i·d + k]·y[j·d + k] for i in [i0, i1), j in [j0, j1).
     * x, y: row-major with d columns, not modified. out: modified only in the tile.
     */
    static void tile(double[] x, double[] y, int d, int i0, int i1, int j0, int j1, double[] out, int stride) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = j0;
            for (; j + 2 <= j1; j += 2) {
                block4x2(x, y, d, i, j, out, stride);
            }
            for (; j < j1; j++) {
                for (int r = i; r < i + 4; r++) {
                    out[r * stride + j] = dot(x, r * d, y, j * d, d);
                }
            }
        }
        for (; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                out[i * stride + j] = dot(x, i * d, y, j * d, d);
            }
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

    private static void block4x2(double[] x, double[] y, int d, int i, int j, double[] out, int stride) {
        int a0 = i * d, a1 = a0 + d, a2 = a1 + d, a3 = a2 + d, b0 = j * d, b1 = b0 + d;
        double c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
        for (int k = 0; k < d; k++) {
            double y0 = y[b0 + k], y1 = y[b1 + k];
            double x0 = x[a0 + k], x1 = x[a1 + k], x2 = x[a2 + k], x3 = x[a3 + k];
            c00 = Math.fma(x0, y0, c00);
            c01 = Math.fma(x0, y1, c01);
            c10 = Math.fma(x1, y0, c10);
            c11 = Math.fma(x1, y1, c11);
            c20 = Math.fma(x2, y0, c20);
            c21 = Math.fma(x2, y1, c21);
            c30 = Math.fma(x3, y0, c30);
            c31 = Math.fma(x3, y1, c31);
        }
        out[i * stride + j] = c00;
        out[i * stride + j + 1] = c01;
        out[(i + 1) * stride + j] = c10;
        out[(i + 1) * stride + j + 1] = c11;
        out[(i + 2) * stride + j] = c20;
        out[(i + 2) * stride + j + 1] = c21;
        out[(i + 3) * stride + j] = c30;
        out[(i + 3) * stride + j + 1] = c31;
    }
}
