package org.widenets.kernel;

/**
 * φ(x) = √2·sin(√(2γ)·x + π/4), the random-Fourier-feature activation whose NNGP is the RBF kernel
 * (shared/papers/kernel-formulas.md §3.6): T = exp(−γ(q11 + q22 − 2q12)), Ṫ = 2γ·T, diag = 1,
 * diagDot = 2γ. The special case cos 2c = 0 of {@link Sin}, written out because it is that simple.
 */
public record Rbf(double gamma) implements Activation {

    public Rbf {
        Checks.variance("gamma", gamma);
    }

    @Override
    public String name() {
        return "RBF(" + gamma + ")";
    }

    @Override
    public double phi(double x) {
        return Math.sqrt(2) * Math.sin(Math.sqrt(2 * gamma) * x + Math.PI / 4);
    }

    @Override
    public double dphi(double x) {
        return Math.sqrt(2) * Math.sqrt(2 * gamma) * Math.cos(Math.sqrt(2 * gamma) * x + Math.PI / 4);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return Math.exp(-gamma * (q11 + q22 - 2 * q12));
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        return 2 * gamma * t(q11, q12, q22);
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        return 1;
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return 2 * gamma;
    }
}
