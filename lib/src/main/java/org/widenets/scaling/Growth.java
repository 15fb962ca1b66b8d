package org.widenets.scaling;

/** How a quantity behaves as the width d → ∞, from the sign of its exponent (∝ d^e). */
public enum Growth {
    VANISH, FINITE, DIVERGE;

    /** The growth of d^e; |e| ≤ {@link Classification#TOLERANCE} counts as 0. */
    public static Growth of(double exponent) {
        if (exponent > Classification.TOLERANCE) return DIVERGE;
        if (exponent < -Classification.TOLERANCE) return VANISH;
        return FINITE;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
