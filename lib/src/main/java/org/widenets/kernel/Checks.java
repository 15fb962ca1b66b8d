package org.widenets.kernel;

/**
 * Argument validation shared by the kernel maps: a bad argument is an
 * {@link IllegalArgumentException} naming the parameter and its value, never a NaN downstream.
 */
public final class Checks {

    /** Relative slack for |q12| ≤ √(q11 q22): round-off of upstream layers, not a modelling error. */
    public static final double CORRELATION_SLACK = 1e-12;

    private Checks() {
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** Requires a finite value ≥ 0. */
    public static double variance(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be a finite variance ≥ 0, got " + value);
        }
        return value;
    }

    /** Requires a finite value &gt; 0. */
    public static double positive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Requires an integer ≥ min. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + value);
        }
        return value;
    }

    /**
     * Requires a valid 2×2 covariance: finite variances ≥ 0 and |q12| ≤ √(q11 q22) up to
     * {@link #CORRELATION_SLACK} relative round-off.
     */
    public static void covariance(double q11, double q12, double q22) {
        // Fast acceptance without a square root (this runs once per kernel-matrix entry and layer):
        // q12² ≤ q11·q22·(1 + 1.9e-12) with q11·q22 a normal double lies inside the exact bound below
        // with a margin far above rounding; NaN, ∞, negative or borderline values take the exact path.
        double p = q11 * q22;
        if (q11 >= 0 && q22 >= 0 && p >= Double.MIN_NORMAL && p < Double.POSITIVE_INFINITY
                && q12 * q12 <= p * (1 + 1.9e-12)) {
            return;
        }
        variance("q11", q11);
        variance("q22", q22);
        finite("q12", q12);
        double bound = Math.sqrt(q11) * Math.sqrt(q22); // no overflow of q11·q22 past 1e154
        if (Math.abs(q12) > bound * (1 + CORRELATION_SLACK) + Double.MIN_NORMAL) {
            throw new IllegalArgumentException("q12 = " + q12 + " exceeds √(q11·q22) = " + bound
                    + " (q11 = " + q11 + ", q22 = " + q22 + "): not a covariance");
        }
    }

    /**
     * A computed layer quantity must be a finite double: a kernel that leaves double range (e.g. a deep
     * Exp network, or σ_w² so large that the variance grows past 1.8e308) is an
     * {@link ArithmeticException} naming the quantity and the layer, never a silent ∞ or NaN downstream.
     */
    public static double representable(String quantity, double value, Object layer) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException(quantity + " = " + value + " in " + layer
                    + ": the kernel leaves the double range (overflow), it cannot be represented");
        }
        return value;
    }

    /** Requires every entry finite; names the first bad entry. */
    public static void finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
            }
        }
    }
}
