package org.widenets.kernel;

import java.util.Arrays;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products of input rows, G_ij = x_i·y_j, with the Vector API ({@code jdk.incubator.vector}): the fast
 * path of {@link InputGram}. Only {@link InputGram} refers to this class, and only once it has found the
 * module in the boot layer, so a JVM started without {@code --add-modules jdk.incubator.vector} never
 * loads it.
 *
 * <p>The layout of a BLAS dgemm micro-kernel: the rows of y are packed once, in parallel, into panels of
 * {@link #PANEL} = 3·LANES of them, stored k-major, so that step k of a panel is three contiguous vectors.
 * A tile of 4 rows of x by one panel, 12 vectors of sums, stays in registers while k runs; each step loads
 * three vectors, broadcasts the four x_ik and does 12 vector FMAs. 12 accumulators, 3 panel vectors and
 * one broadcast fill exactly the 16 registers of AVX2 (AVX-512 has 32). In a single-thread prototype on
 * our AVX-512 machine (N = 1152, d = 784, CPU time, busy machine) this tile ran 42–47 GFLOP/s against
 * 41–45 for 12 rows × 2 vectors, 39–41 for 6×3, 31–35 for 8×2, 29–36 for 6×2 and ≈ 10 for the scalar
 * 4×2 tile; restricted to AVX2 ({@code -XX:UseAVX=2}) 35 against 25 (6×2) and 23 (8×2), where the larger
 * tiles spill. Depth is blocked (at most {@link #DEPTH_BLOCK} values of k at a time) so that for large d
 * a panel's block stays in cache across the row tiles.
 *
 * <p>Rounding: every entry is one chain of fused multiply–adds in order of k, s ← fma(x_ik, y_jk, s) from
 * s = 0, and between depth blocks the running sum is stored in the output and read back unchanged. So the
 * result is, bit for bit, that of {@link InputGram}'s scalar path and of a plain loop with
 * {@link Math#fma}.
 */
final class VectorGram {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of x per register tile; columns (rows of y) per packed panel. */
    private static final int ROWS = 4, PANEL = 3 * LANES;
    /**
     * Longest run of k per pass over a panel: a 4-row tile then streams 3·LANES·1024 doubles of the panel
     * (≈ 190 kB with AVX-512) that the next row tiles find in L2. In the prototype at d = 8000, blocks of
     * 256–1024 ran 1.1–1.3× faster than one pass over all of k; at d = 784 blocks of 256 were no faster
     * than one pass, and reading the running sums back between blocks cost nothing measurable.
     */
    private static final int DEPTH_BLOCK = 1024;

    private final double[] x;
    private final double[] panels;
    private final int d;

    private VectorGram(double[] x, double[] panels, int d) {
        this.x = x;
        this.panels = panels;
        this.d = d;
    }

    /** Whether the preferred species has SIMD width at all; with one lane the scalar path is faster. */
    static boolean usable() {
        return LANES >= 2;
    }

    /**
     * The Gram engine of x (rows of d values) against the m rows of y, which are packed here into
     * panels: ⌈m/PANEL⌉·PANEL·d doubles, zero beyond row m. x and y are not modified and not copied.
     */
    static VectorGram of(double[] x, double[] y, int d, int m) {
        int count = (m + PANEL - 1) / PANEL;
        double[] panels = new double[Math.multiplyExact(count * PANEL, d)];
        IntStream.range(0, count).parallel().forEach(q -> {
            int base = q * PANEL * d;
            for (int c = 0; c < PANEL && q * PANEL + c < m; c++) {
                int src = (q * PANEL + c) * d;
                for (int k = 0; k < d; k++) {
                    panels[base + k * PANEL + c] = y[src + k];
                }
            }
        });
        return new VectorGram(x, panels, d);
    }

    /**
     * out[i·stride + j] = Σ_k x[i·d + k]·y[j·d + k] for i in [i0, i1), j in [j0, j1); out is modified
     * only there. Row i of x must exist for every i in [i0, i1).
     */
    void rows(int i0, int i1, int j0, int j1, double[] out, int stride) {
        for (int i = i0; i < i1; i++) {
            Arrays.fill(out, i * stride + j0, i * stride + j1, 0.0);
        }
        // a tile that sticks out of the block runs on a copy of its part inside, then copies that back
        double[] scratch = new double[ROWS * PANEL];
        int blocks = (d + DEPTH_BLOCK - 1) / DEPTH_BLOCK, depth = (d + blocks - 1) / blocks;
        for (int q = j0 / PANEL; q * PANEL < j1; q++) {
            int c0 = q * PANEL, from = Math.max(c0, j0), to = Math.min(c0 + PANEL, j1);
            for (int k0 = 0; k0 < d; k0 += depth) {
                int kc = Math.min(depth, d - k0), p = q * PANEL * d + k0 * PANEL;
                for (int ib = i0; ib < i1; ib += ROWS) {
                    // rows past i1 repeat row i1 − 1: valid memory, results discarded
                    int a0 = ib * d + k0, a1 = Math.min(ib + 1, i1 - 1) * d + k0,
                            a2 = Math.min(ib + 2, i1 - 1) * d + k0, a3 = Math.min(ib + 3, i1 - 1) * d + k0;
                    if (ib + ROWS <= i1 && from == c0 && to == c0 + PANEL) {
                        tile(x, a0, a1, a2, a3, panels, p, kc, out, ib * stride + c0, stride);
                    } else {
                        int rows = Math.min(ROWS, i1 - ib);
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(out, (ib + r) * stride + from, scratch, r * PANEL + from - c0, to - from);
                        }
                        tile(x, a0, a1, a2, a3, panels, p, kc, scratch, 0, PANEL);
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(scratch, r * PANEL + from - c0, out, (ib + r) * stride + from, to - from);
                        }
                    }
                }
            }
        }
    }

    /**
     * c[o + r·ldc + col] ← fma chain over kc steps, continued from its current value, for the 4 rows
     * starting at x[a_r] and the panel block starting at p[b]. Written out in full so that the 12 sums
     * are locals, which C2 keeps in vector registers.
     */
    private static void tile(double[] x, int a0, int a1, int a2, int a3, double[] p, int b, int kc,
                             double[] c, int o, int ldc) {
        int o1 = o + ldc, o2 = o1 + ldc, o3 = o2 + ldc, v1 = LANES, v2 = 2 * LANES;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, c, o), c01 = DoubleVector.fromArray(SPECIES, c, o + v1),
                c02 = DoubleVector.fromArray(SPECIES, c, o + v2);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, c, o1), c11 = DoubleVector.fromArray(SPECIES, c, o1 + v1),
                c12 = DoubleVector.fromArray(SPECIES, c, o1 + v2);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, c, o2), c21 = DoubleVector.fromArray(SPECIES, c, o2 + v1),
                c22 = DoubleVector.fromArray(SPECIES, c, o2 + v2);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, c, o3), c31 = DoubleVector.fromArray(SPECIES, c, o3 + v1),
                c32 = DoubleVector.fromArray(SPECIES, c, o3 + v2);
        for (int k = 0; k < kc; k++) {
            int pk = b + k * PANEL;
            DoubleVector y0 = DoubleVector.fromArray(SPECIES, p, pk), y1 = DoubleVector.fromArray(SPECIES, p, pk + v1),
                    y2 = DoubleVector.fromArray(SPECIES, p, pk + v2);
            DoubleVector s = DoubleVector.broadcast(SPECIES, x[a0 + k]);
            c00 = s.fma(y0, c00);
            c01 = s.fma(y1, c01);
            c02 = s.fma(y2, c02);
            s = DoubleVector.broadcast(SPECIES, x[a1 + k]);
            c10 = s.fma(y0, c10);
            c11 = s.fma(y1, c11);
            c12 = s.fma(y2, c12);
            s = DoubleVector.broadcast(SPECIES, x[a2 + k]);
            c20 = s.fma(y0, c20);
            c21 = s.fma(y1, c21);
            c22 = s.fma(y2, c22);
            s = DoubleVector.broadcast(SPECIES, x[a3 + k]);
            c30 = s.fma(y0, c30);
            c31 = s.fma(y1, c31);
            c32 = s.fma(y2, c32);
        }
        c00.intoArray(c, o);
        c01.intoArray(c, o + v1);
        c02.intoArray(c, o + v2);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + v1);
        c12.intoArray(c, o1 + v2);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + v1);
        c22.intoArray(c, o2 + v2);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + v1);
        c32.intoArray(c, o3 + v2);
    }
}
