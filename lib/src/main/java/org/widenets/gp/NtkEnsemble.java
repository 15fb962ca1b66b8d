package org.widenets.gp;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.widenets.kernel.Checks;
import org.widenets.kernel.KernelMatrices;

/**
 * The distribution of infinitely wide networks trained to convergence (t = ∞) by gradient descent on
 * the squared loss from random initialisation (Lee et al. 2019; shared/papers/kernel-formulas.md §7):
 * a Gaussian process with
 * <pre>
 *   mean        μ(x*)   = Θ*D Θ⁻¹ y
 *   covariance  Σ(x*,x*′) = K** + Θ*D Θ⁻¹ K Θ⁻¹ ΘD*′ − (Θ*D Θ⁻¹ KD*′ + K*D Θ⁻¹ ΘD*′)
 * </pre>
 * where Θ is the NTK and K the NNGP kernel, D the training set. This is not a Bayesian posterior
 * (unless Θ = K, when it is the noise-free NNGP posterior); {@link NetworkKernel#ntk} as a GP prior is
 * the different "NTK-GP". Θ is factorised once with {@link JitterPolicy#DEFAULT} escalation.
 */
public final class NtkEnsemble {

    private final CholeskyFactor theta;
    private final DMatrixRMaj nngpTrain;
    private final double[] alpha;

    private NtkEnsemble(CholeskyFactor theta, DMatrixRMaj nngpTrain, double[] alpha) {
        this.theta = theta;
        this.nngpTrain = nngpTrain;
        this.alpha = alpha;
    }

    /**
     * Fits on the training kernels (both NNGP and NTK, n×n) and targets.
     *
     * @param regularizer λ ≥ 0 added to Θ's diagonal (0: the exact t = ∞ limit; jitter only if needed)
     */
    public static NtkEnsemble fit(KernelMatrices train, double[] y, double regularizer) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(y, "y");
        int n = train.ntk().numRows;
        if (train.ntk().numCols != n || train.nngp().numRows != n || train.nngp().numCols != n || y.length != n) {
            throw new IllegalArgumentException("need n×n training kernels and n targets, got NTK " + train.ntk().numRows
                    + "×" + train.ntk().numCols + ", NNGP " + train.nngp().numRows + "×" + train.nngp().numCols
                    + ", " + y.length + " targets");
        }
        Checks.variance("regularizer", regularizer);
        Checks.finite("y", y);
        Checks.finite("NTK", train.ntk().data);
        Checks.finite("NNGP", train.nngp().data);
        CholeskyFactor f = CholeskyFactor.of(train.ntk(), regularizer, JitterPolicy.DEFAULT);
        return new NtkEnsemble(f, train.nngp(), f.solve(y));
    }

    /** Jitter added to Θ's diagonal beyond the regulariser. */
    public double jitter() {
        return theta.jitter();
    }

    /**
     * Mean and variance at m test points.
     *
     * @param cross          m×n test–train NNGP and NTK
     * @param nngpTestDiag   K(x*_i, x*_i)
     * @return the prediction (its noise variance is 0: the ensemble has no observation noise)
     */
    public GpPrediction predict(KernelMatrices cross, double[] nngpTestDiag) {
        checkCross(cross);
        if (nngpTestDiag.length != cross.ntk().numRows) {
            throw new IllegalArgumentException("nngpTestDiag has " + nngpTestDiag.length + " entries for "
                    + cross.ntk().numRows + " test points");
        }
        Checks.finite("nngpTestDiag", nngpTestDiag);
        int m = cross.ntk().numRows, n = alpha.length;
        DMatrixRMaj a = weights(cross);
        DMatrixRMaj ka = new DMatrixRMaj(n, m);
        CommonOps_DDRM.mult(nngpTrain, a, ka);
        double[] var = new double[m];
        for (int i = 0; i < m; i++) {
            double s = nngpTestDiag[i];
            for (int j = 0; j < n; j++) {
                double aji = a.data[j * m + i];
                s += aji * (ka.data[j * m + i] - 2 * cross.nngp().data[i * n + j]);
            }
            // a covariance diagonal; negative only by round-off
            var[i] = Math.max(0, s);
        }
        return new GpPrediction(ExactGp.mean(cross.ntk(), alpha), var, 0);
    }

    /** The full m×m covariance at the test points, given their NNGP matrix K** (m×m). */
    public DMatrixRMaj covariance(KernelMatrices cross, DMatrixRMaj nngpTest) {
        checkCross(cross);
        int m = cross.ntk().numRows;
        if (nngpTest.numRows != m || nngpTest.numCols != m) {
            throw new IllegalArgumentException("nngpTest must be " + m + "×" + m);
        }
        DMatrixRMaj a = weights(cross);
        DMatrixRMaj ka = new DMatrixRMaj(alpha.length, m);
        CommonOps_DDRM.mult(nngpTrain, a, ka);
        DMatrixRMaj cov = nngpTest.copy();
        CommonOps_DDRM.multAddTransA(a, ka, cov);
        DMatrixRMaj ca = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(cross.nngp(), a, ca);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) cov.data[i * m + j] -= ca.data[i * m + j] + ca.data[j * m + i];
        }
        return cov;
    }

    /** Θ⁻¹ ΘD*, n×m row-major. */
    private DMatrixRMaj weights(KernelMatrices cross) {
        return theta.solveTransposed(cross.ntk());
    }

    private void checkCross(KernelMatrices cross) {
        Objects.requireNonNull(cross, "cross");
        int n = alpha.length;
        if (cross.ntk().numCols != n || cross.nngp().numCols != n || cross.nngp().numRows != cross.ntk().numRows) {
            throw new IllegalArgumentException("cross kernels must both be m×" + n);
        }
        Checks.finite("cross NTK", cross.ntk().data);
        Checks.finite("cross NNGP", cross.nngp().data);
    }

    @Override
    public String toString() {
        return "NtkEnsemble[n = " + alpha.length + ", jitter " + theta.jitter() + "]";
    }
}
