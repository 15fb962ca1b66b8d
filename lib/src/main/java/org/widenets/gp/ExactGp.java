package org.widenets.gp;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Checks;

/**
 * Exact Gaussian-process regression from kernel matrices (Rasmussen &amp; Williams 2006, Algorithm 2.1):
 * with A = K + σ_n²·I = L Lᵀ and α = A⁻¹y,
 * <pre>
 *   mean     μ* = K*ᵀ α
 *   variance Var f* = k** − ‖L⁻¹ k*‖²,   Var y* = Var f* + σ_n²
 *   log p(y) = −½ yᵀα − Σ log L_ii − (n/2) log 2π
 * </pre>
 * If A is not numerically positive definite, jitter is added per {@link JitterPolicy} and the
 * amount is recorded in the result ({@link GpPosterior#jitter()}); the jittered A is the model then.
 *
 * <pre>
 * GpPosterior post = ExactGp.fit(kTrain, y, 0.01);
 * GpPrediction p = post.predict(kTestTrain, kTestDiagonal);
 * </pre>
 */
public final class ExactGp {

    private ExactGp() {
    }

    /** Fits with the {@link JitterPolicy#DEFAULT} policy. */
    public static GpPosterior fit(DMatrixRMaj kTrain, double[] y, double noiseVariance) {
        return fit(kTrain, y, noiseVariance, JitterPolicy.DEFAULT);
    }

    /**
     * Factorises K + σ_n² I once (K is not modified; only its lower triangle is read).
     *
     * @param kTrain        n×n prior covariance of the training inputs
     * @param y             n training targets
     * @param noiseVariance σ_n² ≥ 0
     * @throws NotPositiveDefiniteException if no jitter within the policy's cap makes A positive definite
     */
    public static GpPosterior fit(DMatrixRMaj kTrain, double[] y, double noiseVariance, JitterPolicy jitter) {
        Objects.requireNonNull(kTrain, "kTrain");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(jitter, "jitter");
        int n = kTrain.numRows;
        if (kTrain.numCols != n || y.length != n || n == 0) {
            throw new IllegalArgumentException("kTrain is " + kTrain.numRows + "×" + kTrain.numCols + " but y has "
                    + y.length + " entries: need a non-empty square n×n matrix and n targets");
        }
        Checks.variance("noiseVariance", noiseVariance);
        Checks.finite("y", y);
        Checks.finite("kTrain", kTrain.data);
        CholeskyFactor factor = CholeskyFactor.of(kTrain, noiseVariance, jitter);
        return new GpPosterior(factor, factor.solve(y), y.clone(), noiseVariance);
    }

    /** Posterior predictive mean only (no variances): K* α for an m×n cross-covariance. */
    static double[] mean(DMatrixRMaj kCross, double[] alpha) {
        int m = kCross.numRows, n = kCross.numCols;
        double[] mean = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) s += kCross.data[row + j] * alpha[j];
            mean[i] = s;
        }
        return mean;
    }
}
