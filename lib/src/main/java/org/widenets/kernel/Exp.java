package org.widenets.kernel;

/**
 * φ(x) = a·e^{b x} (shared/papers/kernel-formulas.md §3.7):
 * T = a²·exp(b²(q11 + 2q12 + q22)/2), Ṫ = b²·T, diag = a²e^{2b²q}, diagDot = a²b²e^{2b²q}.
 * Deep Exp networks overflow quickly; the result is then +∞, which {@link Nonlinearity} turns into an
 * {@link ArithmeticException} naming the layer quantity.
 */
public record Exp(double a, double b) implements Activation {

    public Exp {
        Checks.finite("a", a);
        Checks.finite("b", b);
    }

    @Override
    public String name() {
        return "Exp(" + a + ", " + b + ")";
    }

    @Override
    public double phi(double x) {
        return a * Math.exp(b * x);
    }

    @Override
    public double dphi(double x) {
        return a * b * Math.exp(b * x);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return a * a * Math.exp(b * b * (q11 + 2 * q12 + q22) / 2);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        return b * b * t(q11, q12, q22);
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        return a * a * Math.exp(2 * b * b * q);
    }

    @Override
    public double diagDot(double q) {
        return b * b * diag(q);
    }
}
