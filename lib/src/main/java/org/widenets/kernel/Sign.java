package org.widenets.kernel;

/**
 * φ(x) = sign(x): T = 1 − 2θ/π = (2/π)·arcsin ρ, diag = 1 (shared/papers/kernel-formulas.md §3.4).
 * sign(0) = 0, so a zero-variance input gives T = 0 and diag(0) = 0.
 *
 * <p>φ′ = 2δ(x); the Dirac term is ignored and Ṫ = diagDot = 0, as in neural-tangents.
 */
public record Sign() implements JumpAtZero {

    @Override
    public String name() {
        return "Sign";
    }

    @Override
    public double phi(double x) {
        return Math.signum(x);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        if (q11 == 0 || q22 == 0) {
            return 0;
        }
        return 1 - 2 * Angles.theta(q11, q12, q22) / Math.PI;
    }

    @Override
    public double diag(double q) {
        return Checks.variance("q", q) == 0 ? 0 : 1;
    }
}
