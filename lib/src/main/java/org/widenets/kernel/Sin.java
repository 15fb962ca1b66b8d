package org.widenets.kernel;

/**
 * φ(x) = a·sin(b x + c) (shared/papers/kernel-formulas.md §3.5). With S = (q11 + q22)/2,
 * s₁ = exp(b²(q12 − S)), s₂ = exp(−b²(q12 + S))·cos 2c:
 * <pre>
 *   T = (a²/2)(s₁ − s₂),   Ṫ = (a²b²/2)(s₁ + s₂),
 *   diag = (a²/2)(1 − e^{−2b²q} cos 2c),   diagDot = (a²b²/2)(1 + e^{−2b²q} cos 2c)
 * </pre>
 * Ṫ follows from φ′ = ab·sin(bx + c + π/2), which flips the sign of cos 2c. See {@link Cos}.
 */
public record Sin(double a, double b, double c) implements Activation {

    public Sin {
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("c", c);
    }

    @Override
    public String name() {
        return "Sin(" + a + ", " + b + ", " + c + ")";
    }

    @Override
    public double phi(double x) {
        return a * Math.sin(b * x + c);
    }

    @Override
    public double dphi(double x) {
        return a * b * Math.cos(b * x + c);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return a * a / 2 * (s1(q11, q12, q22) - s2(q11, q12, q22));
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return a * a * b * b / 2 * (s1(q11, q12, q22) + s2(q11, q12, q22));
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        return a * a / 2 * (1 - Math.exp(-2 * b * b * q) * Math.cos(2 * c));
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return a * a * b * b / 2 * (1 + Math.exp(-2 * b * b * q) * Math.cos(2 * c));
    }

    private double s1(double q11, double q12, double q22) {
        return Math.exp(-b * b * (q11 + q22 - 2 * q12) / 2);
    }

    private double s2(double q11, double q12, double q22) {
        return Math.exp(-b * b * (q11 + q22 + 2 * q12) / 2) * Math.cos(2 * c);
    }
}
