package org.widenets.fixedpoint;

import java.util.Locale;

/**
 * A positive fixed point q* = V(q*) of the variance map and its slope V′(q*): the pre-activation
 * variance a deep network keeps from layer to layer (shared/papers/elu-gelu-kernels.md §4.1).
 */
public record VarianceFixedPoint(double q, double slope) {

    public VarianceFixedPoint {
        if (!(q >= 0) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("q* must be a finite variance ≥ 0, got " + q);
        }
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("slope V′(q*) must be finite, got " + slope);
        }
    }

    /** Attracting iff |V′(q*)| &lt; 1. */
    public Stability stability() {
        return Stability.ofSlope(slope);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "q* = %.8g (V′ = %.6g, %s)", q, slope, stability().label());
    }
}
