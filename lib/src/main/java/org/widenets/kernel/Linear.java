package org.widenets.kernel;

/**
 * The identity φ(x) = x: T = q12, Ṫ = 1, diag = q, diagDot = 1 (shared/papers/elu-gelu-kernels.md §2.1).
 * ABReLU(a, a) is a·Linear.
 */
public record Linear() implements Activation {

    @Override
    public String name() {
        return "Linear";
    }

    @Override
    public double phi(double x) {
        return x;
    }

    @Override
    public double dphi(double x) {
        return 1;
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return q12;
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return 1;
    }

    @Override
    public double diag(double q) {
        return Checks.variance("q", q);
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return 1;
    }
}
