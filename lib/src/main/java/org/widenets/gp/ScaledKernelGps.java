package org.widenets.gp;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.TridiagonalSimilarDecomposition_F64;
import org.widenets.kernel.Checks;

/**
 * Exact GP predictions for the whole family of kernels K = s·T + σ²·I (s &gt; 0, σ² ≥ 0) from one
 * factorisation of T. The Figure 6 grid (shared/papers/elu-gelu-kernels.md §1.4, §6.1) has this form:
 * the readout variance σ_{w1}² only rescales T_φ and the noise only shifts the diagonal, so the 9 × 3
 * (σ_{w1}², noise) settings of one (σ_{b0}², σ_{w0}²) share T.
 *
 * <p>With the symmetric tridiagonal reduction T = Q H Qᵀ (Householder, EJML), ỹ = Qᵀy and C = T* Q,
 * <pre>
 *   M = s·H + σ²·I  (tridiagonal, M = L D Lᵀ in O(n))
 *   mean     μ_i   = s · c_iᵀ M⁻¹ ỹ
 *   variance Var f_i = s·t**_i − s² · Σ_k (L⁻¹c_i)_k² / D_k
 * </pre>
 * so each setting costs O(m·n) after the O(n³) setup, instead of a Cholesky and an n²m triangular solve.
 * A full eigendecomposition would serve as well but costs about five times the tridiagonal reduction in
 * EJML (measured), and nothing here needs the eigenvalues themselves.
 *
 * <p>When M is not numerically positive definite (a D_k ≤ 0), the setting is delegated to the
 * Cholesky path {@link ExactGp} with its jitter escalation, so the two paths model the same thing.
 */
final class ScaledKernelGps {

    private final DMatrixRMaj tGram;
    private final DMatrixRMaj tCross;
    private final double[] tDiag;
    private final double[] y;
    private final double[] hDiag;
    private final double[] hOff;
    private final double[] yRotated;
    private final DMatrixRMaj cRotated;

    private ScaledKernelGps(DMatrixRMaj tGram, DMatrixRMaj tCross, double[] tDiag, double[] y, double[] hDiag,
            double[] hOff, double[] yRotated, DMatrixRMaj cRotated) {
        this.tGram = tGram;
        this.tCross = tCross;
        this.tDiag = tDiag;
        this.y = y;
        this.hDiag = hDiag;
        this.hOff = hOff;
        this.yRotated = yRotated;
        this.cRotated = cRotated;
    }

    /**
     * Reduces T once.
     *
     * @param tGram  n×n base kernel T of the training inputs (kept for the Cholesky fallback; not modified)
     * @param tCross m×n base kernel between test and training inputs
     * @param tDiag  base prior variances of the m test inputs
     * @param y      n training targets
     */
    static ScaledKernelGps of(DMatrixRMaj tGram, DMatrixRMaj tCross, double[] tDiag, double[] y) {
        Objects.requireNonNull(tGram, "tGram");
        Objects.requireNonNull(tCross, "tCross");
        Objects.requireNonNull(tDiag, "tDiag");
        Objects.requireNonNull(y, "y");
        int n = tGram.numRows;
        if (tGram.numCols != n || y.length != n || n == 0 || tCross.numCols != n || tDiag.length != tCross.numRows) {
            throw new IllegalArgumentException("shapes do not match: tGram " + tGram.numRows + "×" + tGram.numCols
                    + ", y " + y.length + ", tCross " + tCross.numRows + "×" + tCross.numCols + ", tDiag "
                    + tDiag.length);
        }
        Checks.finite("tGram", tGram.data);
        Checks.finite("tCross", tCross.data);
        Checks.finite("tDiag", tDiag);
        Checks.finite("y", y);
        TridiagonalSimilarDecomposition_F64<DMatrixRMaj> tri = DecompositionFactory_DDRM.tridiagonal(n);
        // the reduction overwrites its input, and the Cholesky fallback needs T
        if (!tri.decompose(tGram.copy())) {
            throw new IllegalStateException("tridiagonal reduction of the " + n + "×" + n + " kernel failed");
        }
        double[] diag = new double[n], off = new double[Math.max(n - 1, 0)];
        tri.getDiagonal(diag, off);
        DMatrixRMaj q = tri.getQ(null, false);
        DMatrixRMaj yv = new DMatrixRMaj(n, 1, true, y);
        DMatrixRMaj yr = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(q, yv, yr);
        DMatrixRMaj c = new DMatrixRMaj(tCross.numRows, n);
        CommonOps_DDRM.mult(tCross, q, c);
        return new ScaledKernelGps(tGram, tCross, tDiag.clone(), y.clone(), diag, off, yr.data, c);
    }

    /**
     * Predictive mean and variances at the test inputs for K = s·T + noise·I.
     *
     * @param scale s &gt; 0
     * @param noise σ² ≥ 0
     */
    GpPrediction predict(double scale, double noise) {
        Checks.positive("scale", scale);
        Checks.variance("noise", noise);
        int n = hDiag.length, m = cRotated.numRows;
        // LDLᵀ of the tridiagonal M = s·H + σ²·I: d_k pivots, l_k sub-diagonal multipliers
        double[] d = new double[n], l = new double[n];
        d[0] = scale * hDiag[0] + noise;
        for (int k = 1; k < n && d[k - 1] > 0; k++) {
            double e = scale * hOff[k - 1];
            l[k] = e / d[k - 1];
            d[k] = scale * hDiag[k] + noise - l[k] * e;
        }
        for (int k = 0; k < n; k++) {
            if (!(d[k] > 0) || !Double.isFinite(d[k])) return choleskyPath(scale, noise);
        }
        // z = M⁻¹ ỹ by forward and back substitution
        double[] z = new double[n];
        z[0] = yRotated[0];
        for (int k = 1; k < n; k++) z[k] = yRotated[k] - l[k] * z[k - 1];
        for (int k = 0; k < n; k++) z[k] /= d[k];
        for (int k = n - 2; k >= 0; k--) z[k] -= l[k + 1] * z[k + 1];
        double[] mean = new double[m], var = new double[m];
        double[] c = cRotated.data;
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double mu = 0, w = 0, explained = 0;
            for (int k = 0; k < n; k++) {
                double ck = c[row + k];
                mu += ck * z[k];
                w = k == 0 ? ck : ck - l[k] * w;
                explained += w * w / d[k];
            }
            mean[i] = scale * mu;
            // as in GpPosterior: ≥ 0 in exact arithmetic, round-off near training inputs can dip below
            var[i] = Math.max(0, scale * tDiag[i] - scale * scale * explained);
        }
        return new GpPrediction(mean, var, noise);
    }

    private GpPrediction choleskyPath(double scale, double noise) {
        DMatrixRMaj k = tGram.copy(), kc = tCross.copy();
        CommonOps_DDRM.scale(scale, k);
        CommonOps_DDRM.scale(scale, kc);
        double[] kd = tDiag.clone();
        for (int i = 0; i < kd.length; i++) kd[i] *= scale;
        return ExactGp.fit(k, y, noise).predict(kc, kd);
    }
}
