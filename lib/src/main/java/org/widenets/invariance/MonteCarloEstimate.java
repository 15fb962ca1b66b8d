package org.widenets.invariance;

/**
 * A Monte Carlo estimate of a kernel value: mean ± standard error over {@code samples} i.i.d. draws.
 *
 * <p>{@code standardErrorValid} is false when the summands have infinite variance (rows with
 * E‖w‖⁴ = ∞, e.g. multivariate t with ν ≤ 4): the mean still converges, but the printed s.e. and
 * z-scores mislead (shared/papers/weight-invariance.md §3, §6).
 */
public record MonteCarloEstimate(double mean, double standardError, long samples, boolean standardErrorValid) {

    public MonteCarloEstimate {
        if (samples < 2) throw new IllegalArgumentException("an estimate needs ≥ 2 samples, got " + samples);
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean must be finite, got " + mean);
        if (!(standardError >= 0) || standardError == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("standardError must be finite and ≥ 0, got " + standardError);
        }
    }

    /** (mean − reference)/s.e.; ±∞ when the s.e. is zero and the mean differs, 0 when both agree exactly. */
    public double zScore(double reference) {
        double d = mean - reference;
        if (d == 0) return 0;
        return d / standardError;
    }

    /** True when |mean − reference| ≤ k·s.e. */
    public boolean agreesWith(double reference, double k) {
        return Math.abs(mean - reference) <= k * standardError;
    }

    @Override
    public String toString() {
        return String.format("%.6g ± %.2g (M = %d%s)", mean, standardError, samples,
                standardErrorValid ? "" : ", heavy-tailed: s.e. not valid");
    }
}
