package org.widenets.scaling;

/**
 * Power laws in the width d of a scaling (shared/papers/width-scalings.md §3):
 * E|f⁽⁰⁾| ∝ d^{p0}, E K⁽⁰⁾ ∝ d^{κ}, per-step increments of the normalised weights ∝ d^{δ}, so the
 * relative kernel change over a fixed number of steps ∝ d^{2δ}. On the symmetric plane
 * p0 = q_σ + 1/2, κ = 1 + 2q_σ + q̃, δ = q_σ + q̃ and κ = p0 + δ + 1/2.
 */
public record Exponents(double p0, double kappa, double delta) {

    /** The exponent of the relative kernel change, 2δ. */
    public double kernelChange() {
        return 2 * delta;
    }

    @Override
    public String toString() {
        return String.format("p0 = %.4g, κ = %.4g, δ = %.4g", p0, kappa, delta);
    }
}
