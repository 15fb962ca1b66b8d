package org.widenets.kernel;

import java.util.Arrays;

/**
 * φ(x) = Σₖ cₖ xᵏ through the Hermite (Mehler) expansion (shared/papers/kernel-formulas.md §3.12).
 * Writing φ(√q·z) = Σₗ rₗ(q)·Heₗ(z)/√(l!) with rₗ(q) = q^{l/2}·Aₗ(q)/√(l!),
 * Aₗ(q) = Σᵢ c_{2i+l}·(2i+l)!/(2ⁱ i!)·qⁱ, Mehler's formula E[Heₗ(z)Heₘ(z′)] = δₗₘ l! ρˡ gives
 * <pre>
 *   T = Σₗ Aₗ(q11)·Aₗ(q22)·q12ˡ / l!,     Ṫ = Σ_{l≥1} Aₗ(q11)·Aₗ(q22)·q12^{l−1} / (l−1)!
 * </pre>
 * (the √P of ρˡ cancels against q^{l/2}, so there is no division and zero inputs are exact);
 * diag and diagDot are T and Ṫ at q11 = q12 = q22 = q.
 */
public final class Polynomial implements Activation {

    private final double[] coefficients;
    private final String name;

    /** @param coefficients c₀, c₁, …, finite, at least one */
    public Polynomial(double... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("coefficients must not be empty");
        }
        Checks.finite("coefficients", coefficients);
        this.coefficients = coefficients.clone();
        this.name = "Polynomial" + Arrays.toString(coefficients);
    }

    /** The coefficients c₀, c₁, … (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double phi(double x) {
        double y = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            y = y * x + coefficients[k];
        }
        return y;
    }

    @Override
    public double dphi(double x) {
        double y = 0;
        for (int k = coefficients.length - 1; k >= 1; k--) {
            y = y * x + k * coefficients[k];
        }
        return y;
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return series(q11, q12, q22, 0);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return series(q11, q12, q22, 1);
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        return series(q, q, q, 0);
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return series(q, q, q, 1);
    }

    /** Σ_{l ≥ shift} Aₗ(q11)Aₗ(q22)·q12^{l−shift}/(l−shift)!. */
    private double series(double q11, double q12, double q22, int shift) {
        double sum = 0, power = 1, factorial = 1;
        for (int l = shift; l < coefficients.length; l++) {
            if (l > shift) {
                power *= q12;
                factorial *= l - shift;
            }
            sum += a(l, q11) * a(l, q22) * power / factorial;
        }
        return sum;
    }

    /** Aₗ(q) = Σᵢ c_{2i+l}·(2i+l)!/(2ⁱ i!)·qⁱ. */
    private double a(int l, double q) {
        double sum = 0, qi = 1;
        for (int i = 0; 2 * i + l < coefficients.length; i++, qi *= q) {
            double c = coefficients[2 * i + l];
            if (c != 0) {
                sum += c * factorial(2 * i + l) / (Math.pow(2, i) * factorial(i)) * qi;
            }
        }
        return sum;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && Arrays.equals(coefficients, p.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return name;
    }
}
