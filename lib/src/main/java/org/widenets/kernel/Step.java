package org.widenets.kernel;

/**
 * The Heaviside step φ(x) = 1[x &gt; 0]: T = (π − θ)/(2π), diag = 1/2 (shared/papers/kernel-formulas.md
 * §3.4). φ(0) = 0, so a zero-variance input gives T = 0.
 *
 * <p>φ′ is a Dirac mass at 0; as in neural-tangents that term is ignored and Ṫ = diagDot = 0, so the
 * NTK of a step network is the NTK of its last layer only.
 */
public record Step() implements JumpAtZero {

    @Override
    public String name() {
        return "Step";
    }

    @Override
    public double phi(double x) {
        return x > 0 ? 1 : 0;
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        if (q11 == 0 || q22 == 0) {
            return 0;
        }
        return (Math.PI - Angles.theta(q11, q12, q22)) / (2 * Math.PI);
    }

    @Override
    public double diag(double q) {
        return Checks.variance("q", q) == 0 ? 0 : 0.5;
    }
}
