package org.widenets.fixedpoint;

import java.util.Locale;

/**
 * A fixed point ρ* = C(ρ*) of the correlation map with its slope C′(ρ*) (Price's theorem,
 * shared/papers/elu-gelu-kernels.md §4.1). ρ* = 1 is the trivial one (C(1) = 1 always), its slope is χ₁.
 */
public record CorrelationFixedPoint(double rho, double slope) {

    public CorrelationFixedPoint {
        if (!(rho >= -1 && rho <= 1)) {
            throw new IllegalArgumentException("rho* must lie in [-1, 1], got " + rho);
        }
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("slope C′(ρ*) must be finite, got " + slope);
        }
    }

    /** Attracting iff |C′(ρ*)| &lt; 1. */
    public Stability stability() {
        return Stability.ofSlope(slope);
    }

    /** True for ρ* = 1, the degenerate fixed point where all inputs look alike. */
    public boolean trivial() {
        return rho == 1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ρ* = %.8g (C′ = %.6g, %s)", rho, slope, stability().label());
    }
}
