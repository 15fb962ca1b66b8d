package org.widenets.kernel;

/**
 * φ(x) = xᵏ, k ≥ 0, evaluated as the {@link Polynomial} with the single coefficient c_k = 1
 * (Mehler expansion; for k ≤ 5 it reproduces Isserlis' closed forms of shared/papers/kernel-formulas.md
 * §3.11, e.g. T = 2q12² + q11q22 for k = 2), so diag = (2k−1)!!·qᵏ and Ṫ = k²·T_{k−1}.
 */
public record Monomial(int k) implements Activation {

    public Monomial {
        Checks.atLeast("k", k, 0);
    }

    private Polynomial polynomial() {
        double[] c = new double[k + 1];
        c[k] = 1;
        return new Polynomial(c);
    }

    @Override
    public String name() {
        return "x^" + k;
    }

    @Override
    public double phi(double x) {
        return Math.pow(x, k);
    }

    @Override
    public double dphi(double x) {
        return k == 0 ? 0 : k * Math.pow(x, k - 1);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        return polynomial().t(q11, q12, q22);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        return polynomial().tDot(q11, q12, q22);
    }

    @Override
    public double diag(double q) {
        return polynomial().diag(q);
    }

    @Override
    public double diagDot(double q) {
        return polynomial().diagDot(q);
    }
}
