package org.widenets.kernel;

/**
 * The angle between two Gaussian coordinates, computed stably.
 *
 * <p>θ = atan2(√(q11 q22 − q12²), q12) rather than arccos(q12/√(q11 q22)): no division by √(q11 q22),
 * finite for zero inputs (atan2(0, 0) = 0 there, any θ gives the same kernel because it is multiplied
 * by zero), and accurate near ρ = ±1 where arccos loses half the digits
 * (shared/papers/kernel-formulas.md §6.1–6.2).
 */
final class Angles {

    private Angles() {
    }

    /** √(q11 q22 − q12²), with round-off below zero clamped; the covariance was validated upstream. */
    static double sinTheta(double q11, double q12, double q22) {
        double det = determinant(q11, q12, q22);
        return det > 0 ? Math.sqrt(det) : 0.0;
    }

    /**
     * q11 q22 − q12², with both products rounded once (fma): near ρ = ±1 the naive difference keeps
     * only |1 − ρ|/ε correct digits (5e-5 relative at 1 − ρ = 1e-12), which would limit every kernel.
     */
    static double determinant(double q11, double q12, double q22) {
        double sq = q12 * q12;
        double sqError = Math.fma(q12, q12, -sq);
        return Math.fma(q11, q22, -sq) - sqError;
    }

    /** θ ∈ [0, π]. */
    static double theta(double q11, double q12, double q22) {
        return Math.atan2(sinTheta(q11, q12, q22), q12);
    }
}
