package org.widenets.gp;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Checks;

/**
 * A fitted exact GP ({@link ExactGp}): the Cholesky factor of K + (σ_n² + jitter)·I, α = A⁻¹y and the
 * log marginal likelihood. Immutable; {@link #predict} may be called from several threads.
 */
public final class GpPosterior {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final CholeskyFactor factor;
    private final double[] alpha;
    private final double noiseVariance;
    private final double logMarginalLikelihood;

    GpPosterior(CholeskyFactor factor, double[] alpha, double[] y, double noiseVariance) {
        this.factor = factor;
        this.alpha = alpha;
        this.noiseVariance = noiseVariance;
        double fit = 0;
        for (int i = 0; i < y.length; i++) fit += y[i] * alpha[i];
        this.logMarginalLikelihood = -0.5 * fit - 0.5 * factor.logDeterminant() - 0.5 * y.length * LOG_2PI;
    }

    /** Number of training points. */
    public int size() {
        return alpha.length;
    }

    /** The observation noise σ_n² the model was fitted with. */
    public double noiseVariance() {
        return noiseVariance;
    }

    /** Jitter added to the diagonal beyond σ_n² (0 if none was needed). */
    public double jitter() {
        return factor.jitter();
    }

    /** log det(K + (σ_n² + jitter) I), from the factor's diagonal. */
    public double logDeterminant() {
        return factor.logDeterminant();
    }

    /** log p(y | X) = −½ yᵀα − ½ log det A − (n/2) log 2π. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /** α = (K + (σ_n² + jitter) I)⁻¹ y, a copy. */
    public double[] alpha() {
        return alpha.clone();
    }

    /** Predictive mean K* α for an m×n cross-covariance K*_ij = k(x*_i, x_j). */
    public double[] predictMean(DMatrixRMaj kCross) {
        checkCross(kCross);
        return ExactGp.mean(kCross, alpha);
    }

    /**
     * Predictive mean and variances at m test points.
     *
     * @param kCross    m×n cross-covariance K*_ij = k(x*_i, x_j)
     * @param kTestDiag the prior variances k(x*_i, x*_i)
     */
    public GpPrediction predict(DMatrixRMaj kCross, double[] kTestDiag) {
        checkCross(kCross);
        Objects.requireNonNull(kTestDiag, "kTestDiag");
        if (kTestDiag.length != kCross.numRows) {
            throw new IllegalArgumentException("kTestDiag has " + kTestDiag.length + " entries for " + kCross.numRows
                    + " test points");
        }
        Checks.finite("kTestDiag", kTestDiag);
        double[] mean = ExactGp.mean(kCross, alpha);
        double[] explained = factor.forwardSquaredNorms(kCross);
        double[] var = new double[mean.length];
        for (int i = 0; i < var.length; i++) {
            // k** − ‖L⁻¹k*‖² is ≥ 0 in exact arithmetic; round-off near interpolated points can dip below
            var[i] = Math.max(0, kTestDiag[i] - explained[i]);
        }
        return new GpPrediction(mean, var, noiseVariance);
    }

    private void checkCross(DMatrixRMaj kCross) {
        Objects.requireNonNull(kCross, "kCross");
        if (kCross.numCols != alpha.length) {
            throw new IllegalArgumentException("kCross has " + kCross.numCols + " columns but the GP has "
                    + alpha.length + " training points");
        }
        Checks.finite("kCross", kCross.data);
    }

    CholeskyFactor factor() {
        return factor;
    }

    @Override
    public String toString() {
        return String.format("GpPosterior[n = %d, noise %.4g, jitter %.3g, log marginal likelihood %.6g]",
                alpha.length, noiseVariance, factor.jitter(), logMarginalLikelihood);
    }
}
