package org.widenets.gp;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The lower Cholesky factor L of A = K + diag(noise) + jitter·I = L Lᵀ, and solves with it.
 *
 * <p>The factorisation is the right-looking block Cholesky (Golub &amp; Van Loan, <i>Matrix Computations</i>,
 * 4th ed., §4.2, block Cholesky): per panel of {@value #PANEL} columns, factorise the diagonal block, solve
 * the panel below it, then subtract the panel's outer product from the trailing lower triangle (n³/3 flops,
 * nearly all in that update). Triangular solves with many right-hand sides are blocked the same way.
 *
 * <p>Why not EJML's Cholesky: L is stored as one array per row, row i holding L_i0 … L_ii (n²/2 numbers,
 * half of a square matrix), so that every hot loop is {@code c[j] −= w0·r0[j] + … + w3·r3[j]} with all
 * arrays indexed by the loop variable alone. That is the shape HotSpot's C2 (JDK 17) turns into SIMD code;
 * EJML's block kernels index one array at several run-time offsets, or take dot products, and C2 leaves
 * both scalar (they run as fast with {@code -XX:-UseSuperWord}). Measured with GpBench (kin8nm, n = 7373,
 * m = 819 test points, two cores busy with other jobs), in CPU seconds: this factorisation 7.6–8.8
 * (≈ 16 GFlop per CPU second) against 20–22 for EJML's bare single-threaded Cholesky and 26–31 for its
 * multi-threaded one; the forward solves behind the 819 predictive variances 2.5 (≈ 18 GFlop/s) against
 * 9–10 with EJML's {@code TriangularSolver_MT_DDRB}.
 *
 * <p>Threads: the trailing update and the solves are split into tiles over the common fork-join pool once
 * the work reaches that of an n = {@value #THREADED_FROM} factorisation; smaller problems run on the caller's
 * thread, since their callers (Figure 7's depths, grid searches) already keep the cores busy.
 */
final class CholeskyFactor {

    /** Matrices with at least this many rows are factorised with the trailing update spread over threads. */
    static final int THREADED_FROM = 2500;
    /** Solves for m right-hand sides (n²·m flops) as costly as an n = THREADED_FROM factorisation use threads. */
    private static final double THREADED_WORK = Math.pow(THREADED_FROM, 3) / 3;
    /**
     * Columns per panel: the trailing update's inner dimension. 128 took ≈ 6 % less CPU time than 64 or 96
     * at n = 7373; a panel's tile, 128 × {@value #TILE} doubles (512 kB), stays in a 1 MB L2 cache.
     */
    private static final int PANEL = 128;
    /** Columns (and rows) per tile of the trailing update, one task each. */
    private static final int TILE = 512;
    /** Right-hand sides per tile of a triangular solve (one task each). */
    private static final int RHS_TILE = 256;

    private final int n;
    private final double[][] l;
    private final double jitter;
    private final double shift;

    private CholeskyFactor(double[][] l, double jitter, double shift) {
        this.n = l.length;
        this.l = l;
        this.jitter = jitter;
        this.shift = shift;
    }

    /**
     * Factorises K + noise·I (only K's lower triangle is read), escalating jitter per the policy.
     *
     * @throws NotPositiveDefiniteException if even the largest jitter fails
     */
    static CholeskyFactor of(DMatrixRMaj k, double noise, JitterPolicy policy) {
        double[] perRow = new double[k.numRows];
        Arrays.fill(perRow, noise);
        return of(k, perRow, policy);
    }

    /**
     * Factorises K + diag(noise) (a noise variance per row, e.g. σ²/k for an input seen k times), escalating
     * jitter per the policy.
     *
     * @throws NotPositiveDefiniteException if even the largest jitter fails
     */
    static CholeskyFactor of(DMatrixRMaj k, double[] noise, JitterPolicy policy) {
        int n = k.numRows;
        double meanDiag = 0, meanNoise = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += k.unsafe_get(i, i) + noise[i];
            meanNoise += noise[i];
        }
        meanDiag /= n;
        meanNoise /= n;
        double[][] work = new double[n][];
        for (int i = 0; i < n; i++) work[i] = new double[i + 1];
        boolean threaded = n >= THREADED_FROM;
        double jitter = 0;
        while (true) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(k.data, i * n, work[i], 0, i + 1);
                work[i][i] += noise[i] + jitter;
            }
            if (decompose(work, threaded)) return new CholeskyFactor(work, jitter, meanNoise + jitter);
            double next = jitter == 0 ? policy.initial() * meanDiag : jitter * policy.factor();
            if (!(meanDiag > 0) || next > policy.maximum() * meanDiag * (1 + 1e-12)) {
                throw new NotPositiveDefiniteException("the " + n + "×" + n + " kernel matrix plus noise " + meanNoise
                        + (jitter > 0 ? " and jitter " + jitter : "") + " is not positive definite (mean diagonal "
                        + meanDiag + "); the jitter cap is " + policy.maximum() + "·mean diagonal — check the kernel"
                        + " for non-finite or non-PSD entries, or raise the noise", jitter);
            }
            jitter = next;
        }
    }

    /** Overwrites the rows of A's lower triangle with L; false if a pivot is not positive and finite. */
    private static boolean decompose(double[][] a, boolean threaded) {
        int n = a.length;
        // panel[k][j] = L_j,p+k for the rows j below the diagonal block: indexed by j like the rows it updates
        double[][] panel = new double[Math.min(PANEL, n)][n];
        for (int start = 0; start < n; start += PANEL) {
            int p = start, b = Math.min(PANEL, n - p), r0 = p + b;
            if (!factorDiagonalBlock(a, p, b)) return false;
            if (r0 == n) break;
            int tiles = (n - r0 + TILE - 1) / TILE;
            forEach(tiles, threaded, t -> solvePanel(a, panel, p, b, r0 + t * TILE, Math.min(n, r0 + (t + 1) * TILE)));
            // the trailing lower triangle in TILE×TILE tiles, column tile by column tile (its panel tile is reused)
            int[] col = new int[tiles * (tiles + 1) / 2], row = new int[col.length];
            for (int c = 0, q = 0; c < tiles; c++) {
                for (int r = c; r < tiles; r++, q++) {
                    col[q] = c;
                    row[q] = r;
                }
            }
            forEach(col.length, threaded, q -> {
                int c0 = r0 + col[q] * TILE, c1 = Math.min(n, c0 + TILE);
                int i0 = r0 + row[q] * TILE, i1 = Math.min(n, i0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int end = Math.min(c1, i + 1);
                    if (end > c0) subtract(a[i], a[i], p, panel, 0, b, c0, end);
                }
            });
        }
        return true;
    }

    /** Unblocked Cholesky of the b×b diagonal block at (p, p), all earlier panels already subtracted. */
    private static boolean factorDiagonalBlock(double[][] a, int p, int b) {
        for (int k = 0; k < b; k++) {
            double[] rk = a[p + k];
            double d = rk[p + k];
            for (int t = p; t < p + k; t++) d -= rk[t] * rk[t];
            // also false for NaN
            if (!(d > 0) || !Double.isFinite(d)) return false;
            double lkk = Math.sqrt(d);
            rk[p + k] = lkk;
            for (int i = k + 1; i < b; i++) {
                double[] ri = a[p + i];
                double s = ri[p + k];
                for (int t = p; t < p + k; t++) s -= ri[t] * rk[t];
                ri[p + k] = s / lkk;
            }
        }
        return true;
    }

    /** Rows j0 … j1−1 of the panel below the diagonal block, L_j,p.. = A_j,p.. L_D⁻ᵀ, via the transposed panel. */
    private static void solvePanel(double[][] a, double[][] panel, int p, int b, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            double[] row = a[j];
            for (int k = 0; k < b; k++) panel[k][j] = row[p + k];
        }
        for (int k = 0; k < b; k++) {
            double[] lk = a[p + k], pk = panel[k];
            subtract(pk, lk, p, panel, 0, k, j0, j1);
            double d = lk[p + k];
            for (int j = j0; j < j1; j++) pk[j] /= d;
        }
        for (int j = j0; j < j1; j++) {
            double[] row = a[j];
            for (int k = 0; k < b; k++) row[p + k] = panel[k][j];
        }
    }

    /**
     * c[j] −= Σ_{t &lt; count} w[from + t]·rows[first + t][j] for j0 ≤ j &lt; j1: the one kernel every
     * O(n³) and O(n²m) loop runs. Four rows a pass (one load and store of c per four multiply-adds); every
     * array indexed by j alone, which C2 vectorises (see the class comment). c must not be one of those rows.
     */
    private static void subtract(double[] c, double[] w, int from, double[][] rows, int first, int count, int j0,
            int j1) {
        int t = 0;
        for (; t + 4 <= count; t += 4) {
            double w0 = w[from + t], w1 = w[from + t + 1], w2 = w[from + t + 2], w3 = w[from + t + 3];
            double[] r0 = rows[first + t], r1 = rows[first + t + 1], r2 = rows[first + t + 2], r3 = rows[first + t + 3];
            for (int j = j0; j < j1; j++) c[j] -= w0 * r0[j] + w1 * r1[j] + w2 * r2[j] + w3 * r3[j];
        }
        for (; t < count; t++) {
            double w0 = w[from + t];
            double[] r0 = rows[first + t];
            for (int j = j0; j < j1; j++) c[j] -= w0 * r0[j];
        }
    }

    private static void forEach(int tasks, boolean threaded, IntConsumer task) {
        if (threaded && tasks > 1) {
            IntStream.range(0, tasks).parallel().forEach(task);
        } else {
            for (int t = 0; t < tasks; t++) task.accept(t);
        }
    }

    int size() {
        return n;
    }

    /** Jitter added beyond the noise. */
    double jitter() {
        return jitter;
    }

    /** Total diagonal shift noise + jitter (with a noise per row: their mean + jitter). */
    double shift() {
        return shift;
    }

    /** log det A = 2 Σ log L_ii. */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.log(l[i][i]);
        return 2 * s;
    }

    /** A⁻¹ b for one vector. */
    double[] solve(double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            double s = x[i];
            for (int k = 0; k < i; k++) s -= li[k] * x[k];
            x[i] = s / li[i];
        }
        // Lᵀ x = z from the bottom: once x_i is known, remove it from the rows above (row i of L is column i of Lᵀ)
        for (int i = n - 1; i >= 0; i--) {
            double[] li = l[i];
            double xi = x[i] / li[i];
            x[i] = xi;
            for (int k = 0; k < i; k++) x[k] -= li[k] * xi;
        }
        return x;
    }

    /** ‖L⁻¹ b_t‖² for each row b_t of a row-major B (m×n): the explained variances of a GP's test points. */
    double[] forwardSquaredNorms(DMatrixRMaj b) {
        double[] out = new double[b.numRows];
        inTiles(b.numRows, false, (x, c0, c1) -> transposeInto(b, x, c0, c1), (x, c0, c1) -> {
            double[] s = new double[c1 - c0];
            for (double[] xi : x) {
                for (int j = 0; j < s.length; j++) s[j] += xi[j] * xi[j];
            }
            System.arraycopy(s, 0, out, c0, s.length);
        });
        return out;
    }

    /** A⁻¹ Bᵀ for a row-major B (m×n), as a row-major n×m matrix. */
    DMatrixRMaj solveTransposed(DMatrixRMaj b) {
        int m = b.numRows;
        DMatrixRMaj out = new DMatrixRMaj(n, m);
        inTiles(m, true, (x, c0, c1) -> transposeInto(b, x, c0, c1), (x, c0, c1) -> copyInto(x, out, c0, c1));
        return out;
    }

    /** A⁻¹ as a row-major n×n matrix (for evidence gradients tr(A⁻¹ ∂K)). */
    DMatrixRMaj inverse() {
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        inTiles(n, true, (x, c0, c1) -> {
            for (int t = c0; t < c1; t++) x[t][t - c0] = 1;
        }, (x, c0, c1) -> copyInto(x, out, c0, c1));
        return out;
    }

    /** A tile of right-hand sides: x[i][t − c0] is entry i of right-hand side t, c0 ≤ t &lt; c1. */
    @FunctionalInterface
    private interface Tile {
        void accept(double[][] x, int c0, int c1);
    }

    /**
     * Solves L x = b (then Lᵀ x′ = x if {@code both}) for m right-hand sides, one column tile per task:
     * {@code fill} writes a tile's right-hand sides, {@code use} reads its solutions (tiles are disjoint).
     */
    private void inTiles(int m, boolean both, Tile fill, Tile use) {
        int tiles = Math.max(1, (m + RHS_TILE - 1) / RHS_TILE), width = Math.max(1, (m + tiles - 1) / tiles);
        forEach(tiles, (double) n * n * m >= THREADED_WORK, t -> {
            int c0 = t * width, c1 = Math.min(m, c0 + width);
            if (c0 >= c1) return;
            double[][] x = new double[n][c1 - c0];
            fill.accept(x, c0, c1);
            forward(x, c1 - c0);
            if (both) backward(x, c1 - c0);
            use.accept(x, c0, c1);
        });
    }

    /** x ← L⁻¹ x, block row by block row; earlier rows enter {@value #PANEL} at a time, reused from cache. */
    private void forward(double[][] x, int w) {
        for (int p = 0; p < n; p += PANEL) {
            int b = Math.min(PANEL, n - p);
            for (int k0 = 0; k0 < p; k0 += PANEL) {
                for (int i = p; i < p + b; i++) subtract(x[i], l[i], k0, x, k0, PANEL, 0, w);
            }
            for (int i = p; i < p + b; i++) {
                subtract(x[i], l[i], p, x, p, i - p, 0, w);
                double d = l[i][i];
                double[] xi = x[i];
                for (int j = 0; j < w; j++) xi[j] /= d;
            }
        }
    }

    /** x ← L⁻ᵀ x, block row by block row from the bottom; column i of L is gathered into coefficients. */
    private void backward(double[][] x, int w) {
        double[] coef = new double[PANEL];
        for (int p = (n - 1) / PANEL * PANEL; p >= 0; p -= PANEL) {
            int b = Math.min(PANEL, n - p);
            for (int k0 = p + b; k0 < n; k0 += PANEL) {
                int len = Math.min(PANEL, n - k0);
                for (int i = p; i < p + b; i++) {
                    for (int t = 0; t < len; t++) coef[t] = l[k0 + t][i];
                    subtract(x[i], coef, 0, x, k0, len, 0, w);
                }
            }
            for (int i = p + b - 1; i >= p; i--) {
                int len = p + b - 1 - i;
                for (int t = 0; t < len; t++) coef[t] = l[i + 1 + t][i];
                subtract(x[i], coef, 0, x, i + 1, len, 0, w);
                double d = l[i][i];
                double[] xi = x[i];
                for (int j = 0; j < w; j++) xi[j] /= d;
            }
        }
    }

    /** x[i][t − c0] = B_t,i, in bands of rows so that the band's tile rows stay cached. */
    private void transposeInto(DMatrixRMaj b, double[][] x, int c0, int c1) {
        for (int i0 = 0; i0 < n; i0 += PANEL) {
            int i1 = Math.min(n, i0 + PANEL);
            for (int t = c0; t < c1; t++) {
                int row = t * n;
                for (int i = i0; i < i1; i++) x[i][t - c0] = b.data[row + i];
            }
        }
    }

    private void copyInto(double[][] x, DMatrixRMaj out, int c0, int c1) {
        for (int i = 0; i < n; i++) System.arraycopy(x[i], 0, out.data, i * out.numCols + c0, c1 - c0);
    }
}
