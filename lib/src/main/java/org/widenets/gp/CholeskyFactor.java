package org.widenets.gp;

import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DSubmatrixD1;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.TriangularSolver_DDRB;
import org.ejml.dense.block.TriangularSolver_MT_DDRB;
import org.ejml.dense.block.decomposition.chol.CholeskyOuterForm_DDRB;
import org.ejml.dense.block.decomposition.chol.CholeskyOuterForm_MT_DDRB;

/**
 * The lower Cholesky factor L of A = K + (noise + jitter)·I, computed in one working matrix.
 *
 * <p>Why EJML's block classes directly: {@code DecompositionFactory_DDRM.chol(n, true)} switches to
 * exactly this block algorithm ({@code CholeskyOuterForm_DDRB}) for n ≥ 1000 but then converts the
 * block matrix into a row-major input and copies the factor again on {@code getT}: four n×n arrays.
 * Working on the block matrix keeps one n×n array besides the caller's K, and the block triangular
 * solver handles many right-hand sides (test points) at cache speed; the multi-threaded variant is
 * used for those. The factorisation itself is multi-threaded ({@code CholeskyOuterForm_MT_DDRB}) from
 * {@link #THREADED_FROM} rows on: there each block column's trailing update is long enough to share
 * between the cores (kin8nm, n = 7373: see GpBench), while smaller matrices are factorised many at a time
 * by callers that already keep the cores busy (Figure 7's depths, the grid search). Measured in GpBench on
 * an idle two-core machine: bare Cholesky 13.6–13.9 s multi-threaded against 16.8–17.6 s single-threaded,
 * and fit + predict 22.5–24.5 s against 25.8–28.3 s with both single-threaded. On a machine whose cores are
 * busy with other work the single-threaded forms were faster (31.8 s against 21.3 s at load ≈ 9).
 */
final class CholeskyFactor {

    /** Matrices with at least this many rows are factorised with EJML's multi-threaded block Cholesky. */
    static final int THREADED_FROM = 2500;

    private final int n;
    private final int block;
    private final DMatrixRBlock factor;
    private final double jitter;
    private final double shift;

    private CholeskyFactor(DMatrixRBlock factor, double jitter, double shift) {
        this.n = factor.numRows;
        this.block = factor.blockLength;
        this.factor = factor;
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
        java.util.Arrays.fill(perRow, noise);
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
        DMatrixRBlock work = new DMatrixRBlock(n, n, EjmlParameters.BLOCK_WIDTH);
        double jitter = 0;
        while (true) {
            MatrixOps_DDRB.convert(k, work);
            for (int i = 0; i < n; i++) {
                double shift = noise[i] + jitter;
                if (shift != 0) work.unsafe_set(i, i, work.unsafe_get(i, i) + shift);
            }
            boolean ok = n >= THREADED_FROM ? new CholeskyOuterForm_MT_DDRB(true).decompose(work)
                    : new CholeskyOuterForm_DDRB(true).decompose(work);
            if (ok && finiteDiagonal(work)) {
                return new CholeskyFactor(work, jitter, meanNoise + jitter);
            }
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

    private static boolean finiteDiagonal(DMatrixRBlock l) {
        for (int i = 0; i < l.numRows; i++) {
            double d = l.unsafe_get(i, i);
            if (!(d > 0) || !Double.isFinite(d)) return false;
        }
        return true;
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
        for (int i = 0; i < n; i++) s += Math.log(factor.unsafe_get(i, i));
        return 2 * s;
    }

    /** A⁻¹ b for one vector. */
    double[] solve(double[] b) {
        DMatrixRBlock x = new DMatrixRBlock(n, 1, block);
        for (int i = 0; i < n; i++) x.unsafe_set(i, 0, b[i]);
        DSubmatrixD1 l = new DSubmatrixD1(factor), xs = new DSubmatrixD1(x);
        TriangularSolver_DDRB.lsolve(block, false, l, xs, false);
        TriangularSolver_DDRB.lsolve(block, false, l, xs, true);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = x.unsafe_get(i, 0);
        return out;
    }

    /** L⁻¹ Bᵀ for a row-major B (m×n): column i of the result is L⁻¹ b_i. Threads over test columns. */
    DMatrixRBlock forwardSolveTransposed(DMatrixRMaj b) {
        DMatrixRBlock x = new DMatrixRBlock(n, b.numRows, block);
        MatrixOps_DDRB.convertTranSrc(b, x);
        TriangularSolver_MT_DDRB.lsolve(block, false, new DSubmatrixD1(factor), new DSubmatrixD1(x), false);
        return x;
    }

    /** A⁻¹ as a row-major n×n matrix (for evidence gradients tr(A⁻¹ ∂K)). */
    DMatrixRMaj inverse() {
        DMatrixRMaj inv = MatrixOps_DDRB.convert(solveTransposed(org.ejml.dense.row.CommonOps_DDRM.identity(n)),
                (DMatrixRMaj) null);
        return inv;
    }

    /** A⁻¹ Bᵀ for a row-major B (m×n), as an n×m block matrix. */
    DMatrixRBlock solveTransposed(DMatrixRMaj b) {
        DMatrixRBlock x = forwardSolveTransposed(b);
        TriangularSolver_MT_DDRB.lsolve(block, false, new DSubmatrixD1(factor), new DSubmatrixD1(x), true);
        return x;
    }
}
