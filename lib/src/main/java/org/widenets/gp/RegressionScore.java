package org.widenets.gp;

import java.util.Objects;
import org.widenets.data.RegressionSplit;

/**
 * Test-set accuracy of a probabilistic regressor in the data's original units:
 * RMSE = √(mean (y − μ)²) and mean log predictive density
 * LPD = mean log N(y; μ, σ²) with σ² the noisy predictive variance (NLL = −LPD), as in the UCI
 * benchmark papers (shared/notes/notebook-stack.md §11).
 *
 * @param rmse                     root mean squared error, original units
 * @param meanLogPredictiveDensity mean test log predictive density, original units
 */
public record RegressionScore(double rmse, double meanLogPredictiveDensity) {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Negative mean log predictive density. */
    public double nll() {
        return -meanLogPredictiveDensity;
    }

    /**
     * Scores a prediction of the split's standardised test targets, converting to original units with the
     * split's target standardisation (y = m + s·z, so RMSE scales by s and LPD shifts by −log s).
     */
    public static RegressionScore of(RegressionSplit split, GpPrediction p) {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(p, "p");
        return of(split.yTest(), p.mean(), p.noisyVariance(), split.target().scale());
    }

    /** Scores standardised targets z, means and variances, with s the target's sd. */
    public static RegressionScore of(double[] z, double[] mean, double[] variance, double s) {
        if (z.length != mean.length || z.length != variance.length || z.length == 0) {
            throw new IllegalArgumentException("need equally many (> 0) targets, means and variances, got "
                    + z.length + ", " + mean.length + ", " + variance.length);
        }
        double sq = 0, lpd = 0;
        for (int i = 0; i < z.length; i++) {
            double r = z[i] - mean[i];
            sq += r * r;
            if (!(variance[i] > 0)) {
                throw new IllegalArgumentException("predictive variance " + i + " must be > 0 for a log density, got "
                        + variance[i]);
            }
            lpd += -0.5 * (LOG_2PI + Math.log(variance[i]) + r * r / variance[i]);
        }
        return new RegressionScore(s * Math.sqrt(sq / z.length), lpd / z.length - Math.log(s));
    }

    @Override
    public String toString() {
        return String.format("RMSE %.4f, LPD %.4f", rmse, meanLogPredictiveDensity);
    }
}
