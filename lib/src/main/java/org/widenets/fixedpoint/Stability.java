package org.widenets.fixedpoint;

/**
 * Local stability of a fixed point x* = f(x*) of a one-dimensional map, from the slope f′(x*):
 * attracting if |f′| &lt; 1, repelling if |f′| &gt; 1, marginal if |f′| = 1 up to
 * {@link #MARGINAL_TOLERANCE} (then convergence, if any, is algebraic rather than geometric).
 */
public enum Stability {
    ATTRACTING,
    REPELLING,
    MARGINAL;

    /**
     * Slopes within this distance of ±1 count as marginal. Derivatives of the diagonal map come from
     * finite differences accurate to ~1e-10, the exact slopes (Price's theorem) to ~1e-14.
     */
    public static final double MARGINAL_TOLERANCE = 1e-8;

    /** Classifies a fixed point by the slope of the map there. */
    public static Stability ofSlope(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("slope must be finite, got " + slope);
        }
        double a = Math.abs(slope);
        if (Math.abs(a - 1) <= MARGINAL_TOLERANCE) return MARGINAL;
        return a < 1 ? ATTRACTING : REPELLING;
    }

    /** Lower-case name for printing. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
