package org.widenets.kernel;

/**
 * Dot products of input rows, G_ij = x_i·y_j, by blocks of a kernel matrix, for one pair of inputs x
 * (n×d) and y (m×d), both row-major and never modified.
 *
 * <p>Two engines, equal bit for bit: every entry is one chain of fused multiply–adds in order of k,
 * s ← fma(x_ik, y_jk, s) from s = 0 ({@link #dot}).
 * <ul>
 *   <li>{@link VectorGram}, with the Vector API, when the module {@code jdk.incubator.vector} is in the boot
 *       layer (the JVM was started with {@code --add-modules jdk.incubator.vector}, as the build, the
 *       benchmarks and the notebook kernel do) and the system property {@value #PROPERTY} is not
 *       {@code false}. The Gram matrix of the benchmark (N = 4000, d = 784, upper triangle, two threads)
 *       ran 3.7–4.5× faster than on the scalar engine ({@code InputGramBench}, medians of alternating runs
 *       on a busy machine); the whole depth-10 ReLU NNGP+NTK, 1.5–1.6×.</li>
 *   <li>Otherwise a scalar 4×2 register tile, written by hand, not EJML: on our 2-core machine EJML's
 *       {@code CommonOps_MT_DDRM.multTransB} took 20–30 s and {@code multOuter} 6–12 s for N = 4000,
 *       d = 784, because each dot product is one serial chain of additions. The tile keeps eight independent
 *       chains and reuses every loaded value four or two times.</li>
 * </ul>
 * Neither engine applies the input scaling: {@link InputScaling#factor} multiplies the result.
 */
final class InputGram {

    /** The system property that, set to {@code false}, keeps the scalar engine although the module is there. */
    static final String PROPERTY = VectorModule.PROPERTY;

    private static final boolean VECTOR = vectorApiAvailable();

    /** Columns per scalar tile: a tile's rows of x and y stay in cache. */
    private static final int TILE_COLUMNS = 64;

    private final double[] x, y;
    private final int d;
    /** Null on the scalar engine: then the class VectorGram is never loaded. */
    private final VectorGram vector;

    private InputGram(double[] x, double[] y, int d, VectorGram vector) {
        this.x = x;
        this.y = y;
        this.d = d;
        this.vector = vector;
    }

    /** The Gram engine of x against the m rows of y (d values per row); packs y on the vector engine. */
    static InputGram of(double[] x, double[] y, int d, int m) {
        return of(x, y, d, m, VECTOR);
    }

    /**
     * The given engine, for tests and benchmarks that compare both in one JVM; the vector one only if
     * {@link #vectorised()}.
     */
    static InputGram of(double[] x, double[] y, int d, int m, boolean vector) {
        if (vector && !VECTOR) {
            throw new IllegalStateException("the Vector API engine is off in this JVM: it needs --add-modules "
                    + "jdk.incubator.vector and no -D" + PROPERTY + "=false");
        }
        return new InputGram(x, y, d, vector ? VectorGram.of(x, y, d, m) : null);
    }

    /** Whether this JVM computes input Gram matrices with the Vector API. */
    static boolean vectorised() {
        return VECTOR;
    }

    // the module test comes first: without it, VectorGram must not even be loaded
    private static boolean vectorApiAvailable() {
        return VectorModule.PRESENT && VectorGram.usable();
    }

    /**
     * out[i·stride + j] = Σ_k x[i·d + k]·y[j·d + k] for i in [i0, i1), j in [j0, j1); out is modified
     * only there.
     */
    void rows(int i0, int i1, int j0, int j1, double[] out, int stride) {
        if (vector != null) {
            vector.rows(i0, i1, j0, j1, out, stride);
            return;
        }
        for (int c = j0; c < j1; c += TILE_COLUMNS) {
            tile(x, y, d, i0, i1, c, Math.min(c + TILE_COLUMNS, j1), out, stride);
        }
    }

    private static void tile(double[] x, double[] y, int d, int i0, int i1, int j0, int j1, double[] out, int stride) {
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

    /** Σ_k a[ia + k]·b[ib + k] as one chain of fused multiply–adds in order of k: every Gram entry's rounding. */
    static double dot(double[] a, int ia, double[] b, int ib, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s = Math.fma(a[ia + k], b[ib + k], s);
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
