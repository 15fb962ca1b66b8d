package org.widenets.nn;

/**
 * A Monte Carlo estimate with its standard error and the number of independent samples behind it.
 *
 * @param value         the estimate
 * @param standardError its standard error
 * @param samples       number of independent samples (seeds, or points of a fit)
 */
public record Estimate(double value, double standardError, int samples) {

    /** Whether {@code target} lies within {@code k} standard errors. */
    public boolean covers(double target, double k) {
        return Math.abs(value - target) <= k * standardError;
    }

    @Override
    public String toString() {
        return String.format("%.4g ± %.2g (%d samples)", value, standardError, samples);
    }
}
