package org.widenets.kernel;

/**
 * φ(x) = 1[x &gt; 0]·xᵏ, k ≥ 0: the arc-cosine kernel of order k (Cho &amp; Saul 2009;
 * shared/papers/kernel-formulas.md §3.10). k = 0 is the step, k = 1 ReLU.
 * <pre>
 *   T    = (√(q11 q22))ᵏ/(2π)·Jₖ(θ),    Ṫ = k²·(√(q11 q22))^{k−1}/(2π)·J_{k−1}(θ)   (φ′ = k·RectifiedMonomial(k−1))
 *   diag = (2k−1)!!·qᵏ/2,               diagDot = k²·(2k−3)!!·q^{k−1}/2
 *   J₀ = π − θ,   J₁ = sin θ + (π − θ) cos θ,
 *   J_{n+1} = (2n+1)·cos θ·Jₙ + n²·sin²θ·J_{n−1}   (n ≥ 1)
 * </pre>
 * The recursion follows from Jₙ = (−1)ⁿ sin^{2n+1}θ·((1/sin θ)∂_θ)ⁿ[(π − θ)/sin θ], which gives
 * J_{n+1} = (2n+1) cos θ Jₙ − sin θ Jₙ′, and from Price's theorem Jₙ′ = −n² sin θ J_{n−1} (n ≥ 1).
 * Near θ = π, Jₖ ~ (π − θ)^{2k+1} is formed by cancellation: there the error is ε relative to
 * (√(q11 q22))ᵏ, not to T. For k = 0 the Dirac part of φ′ is ignored (Ṫ = 0), as for {@link Step}.
 */
public record RectifiedMonomial(int k) implements Activation {

    public RectifiedMonomial {
        Checks.atLeast("k", k, 0);
    }

    @Override
    public String name() {
        return "ReLU^" + k;
    }

    @Override
    public double phi(double x) {
        return x > 0 ? Math.pow(x, k) : 0;
    }

    @Override
    public double dphi(double x) {
        return x > 0 && k > 0 ? k * Math.pow(x, k - 1) : 0;
    }

    @Override
    public double[] kinks() {
        return new double[] {0.0};
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        if (q11 == 0 || q22 == 0) {
            return 0;
        }
        return arcCosine(k, q11, q12, q22);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        if (k == 0 || q11 == 0 || q22 == 0) {
            return 0;
        }
        return (double) k * k * arcCosine(k - 1, q11, q12, q22);
    }

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        return q == 0 ? 0 : doubleFactorial(2 * k - 1) * Math.pow(q, k) / 2;
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        if (k == 0 || q == 0) {
            return 0;
        }
        return (double) k * k * doubleFactorial(2 * k - 3) * Math.pow(q, k - 1) / 2;
    }

    /** (√(q11 q22))ⁿ/(2π)·Jₙ(θ). */
    private static double arcCosine(int n, double q11, double q12, double q22) {
        return Math.pow(Math.sqrt(q11) * Math.sqrt(q22), n) / (2 * Math.PI) * j(n, q11, q12, q22);
    }

    /** Jₙ(θ) by the upward recursion; cos θ and sin θ from the covariance, not from θ. */
    static double j(int n, double q11, double q12, double q22) {
        double p = Math.sqrt(q11) * Math.sqrt(q22);
        double sin = Angles.sinTheta(q11, q12, q22) / p, cos = Math.max(-1, Math.min(1, q12 / p));
        double piMinusTheta = Math.PI - Angles.theta(q11, q12, q22);
        double previous = piMinusTheta;
        if (n == 0) {
            return previous;
        }
        double current = sin + piMinusTheta * cos;
        for (int m = 1; m < n; m++) {
            double next = (2 * m + 1) * cos * current + (double) m * m * sin * sin * previous;
            previous = current;
            current = next;
        }
        return current;
    }

    /** m!! for m ≥ −1, with (−1)!! = 1. */
    private static double doubleFactorial(int m) {
        double f = 1;
        for (int i = m; i > 1; i -= 2) {
            f *= i;
        }
        return f;
    }
}
