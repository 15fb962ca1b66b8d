package org.widenets.kernel;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * ELU's kernel pieces as 1-D integrals over the whitened first pre-activation z = u/s₁, for the variances
 * where the closed form with bivariate normal CDFs loses precision (q &lt; 0.01 or q &gt; 12, see {@link Elu}).
 *
 * <p>Given z, the second pre-activation is v | z ~ N(m, σ²) with m = s₂ρz and σ = s₂√(1 − ρ²), and every
 * conditional expectation the pieces need is closed form:
 * <pre>
 *   NE(z) = E[eᵛ; v&lt;0 | z],  NP(z) = E[eᵛ − 1; v&lt;0 | z],  R(z) = E[max(v, 0) | z] = σ(tΦ(t) + φ(t)),  P(z) = Φ(t),  t = m/σ
 *   C₁₂ = ∫₀^∞ s₁z·NP φ dz          C₂₁ = ∫_{−∞}^0 expm1(s₁z)·R φ dz       D = ∫_{−∞}^0 expm1(s₁z)·NP φ dz
 *   X₁₂ = ∫₀^∞ NE φ dz              X₂₁ = ∫_{−∞}^0 e^{s₁z}·P φ dz           A = ∫_{−∞}^0 e^{s₁z}·NE φ dz
 * </pre>
 * (shared/papers/elu-gelu-kernels.md §2.3). Each integrand has one sign, so the quadrature is accurate
 * relative to the piece itself, and nothing overflows: e^{s₁z} ≤ 1 on z ≤ 0.
 *
 * <p>All six integrands are smooth on each half-line and change fastest next to z = 0, on the scales 1/s₁
 * (e^{s₁z}), √(1 − ρ²)/|ρ| (t = m/σ) and 1/(s₂|ρ|) (e^m). One fixed rule serves all six: 10-point
 * Gauss–Legendre panels graded geometrically (ratio 2) from the smallest scale up to |z| = 1, then panels
 * of width ≤ 2.5 to |z| = 9.5 (φ(9.5) &lt; 1e-19). On a panel [a, 2a] the nearest trouble is z = 0, a panel
 * length away, where the rule's error is ≈ 5.8^{−20}; the tests hold it to 1e-13 of the Φ₂ route on the
 * variances both routes cover. About 200 integrand evaluations give all six pieces; the adaptive
 * 2-D-capable quadrature this replaced took 10–50× longer per entry.
 *
 * <p>With the Vector API, {@link Elu} takes {@code VectorEluIntegrals} instead: the same rule
 * ({@link #rule}, {@link #levels}) over vector lanes, 12–16× faster per entry. This scalar code remains the route
 * without the module, for the entries the vector route leaves (σ = 0, extreme variances) and the tests'
 * reference.
 */
final class EluConditionalIntegrals {

    private static final double[] NODES = new double[10];
    private static final double[] WEIGHTS = new double[10];
    /** Panel ends beyond |z| = 1. */
    private static final double[] OUTER = {1, 2, 3.5, 5.25, 7.25, 9.5};

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(NODES.length);
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private EluConditionalIntegrals() {
    }

    /** The six pieces; the covariance must already be checked, with q11, q22 &gt; 0. */
    static Elu.Pieces pieces(double q11, double q12, double q22) {
        double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22);
        double rho = Math.max(-1, Math.min(1, q12 / (s1 * s2)));
        double r = Math.min(1, Angles.sinTheta(q11, q12, q22) / (s1 * s2));
        double sigma = s2 * r;
        double[] ends = ends(levels(s1, s2, rho, r));

        double c12 = 0, x12 = 0, c21 = 0, d = 0, x21 = 0, a = 0;
        for (int p = 0; p + 1 < ends.length; p++) {
            double half = 0.5 * (ends[p + 1] - ends[p]), mid = 0.5 * (ends[p + 1] + ends[p]);
            for (int i = 0; i < NODES.length; i++) {
                double z = mid + half * NODES[i];
                double w = half * WEIGHTS[i] * StandardNormal.pdf(z);
                double m = s2 * rho * z;
                // Φ(t) and Φ(−t) from one erfc: the one in the tail is the accurate one, 1 − it the other
                double cdfT, cdfMinusT, pdfT;
                if (sigma == 0) {
                    cdfT = m > 0 ? 1 : 0;
                    cdfMinusT = m < 0 ? 1 : 0;
                    pdfT = 0;
                } else {
                    double t = m / sigma;
                    double tail = 0.5 * StandardNormal.erfc(Math.abs(t) / StandardNormal.SQRT_2);
                    cdfT = t >= 0 ? 1 - tail : tail;
                    cdfMinusT = t >= 0 ? tail : 1 - tail;
                    pdfT = StandardNormal.pdf(t);
                }
                // z > 0: u = s₁z > 0, v | z has mean m
                double ne = negativeExp(m, sigma);
                double np = negativePart(m, sigma, ne, cdfMinusT);
                c12 += w * s1 * z * np;
                x12 += w * ne;
                // −z < 0: u = −s₁z < 0, v | −z has mean −m (so Φ(−m/σ) and Φ(m/σ) swap roles)
                double eu = Math.exp(-s1 * z), em1 = Math.expm1(-s1 * z);
                double neNeg = negativeExp(-m, sigma);
                double npNeg = negativePart(-m, sigma, neNeg, cdfT);
                // E[max(v, 0)] = σ(t′Φ(t′) + φ(t′)) at t′ = −m/σ; for t′ ≪ 0 the two terms cancel to φ/t′², but
                // there the value is far below the integrand's peak and the rule's error
                double positive = sigma == 0 ? Math.max(-m, 0) : sigma * ((-m / sigma) * cdfMinusT + pdfT);
                c21 += w * em1 * positive;
                d += w * em1 * npNeg;
                x21 += w * eu * cdfMinusT;
                a += w * eu * neNeg;
            }
        }
        return new Elu.Pieces(c12, c21, d, x12, x21, a);
    }

    /**
     * The number of geometrically graded panels below |z| = 1 for an entry with s₁ = √q11, s₂ = √q22,
     * ρ and r = √(1 − ρ²): enough halvings of [0, 1] that the smallest panel is no longer than the
     * smallest scale δ = min(1, 1/s₁, r/|ρ|, 1/(s₂|ρ|)) of the integrands. A function of the entry alone.
     */
    static int levels(double s1, double s2, double rho, double r) {
        double delta = Math.min(1, 1 / s1);
        if (rho != 0) {
            if (r > 0) delta = Math.min(delta, r / Math.abs(rho));
            delta = Math.min(delta, 1 / (s2 * Math.abs(rho)));
        }
        delta = Math.max(delta, 1e-300);
        return delta < 1 ? (int) Math.ceil(Math.log(1 / delta) / Math.log(2)) : 0;
    }

    /** The levels of {@link #levels(double, double, double, double)} for the covariance (q11, q12, q22). */
    static int levels(double q11, double q12, double q22) {
        double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22);
        double rho = Math.max(-1, Math.min(1, q12 / (s1 * s2)));
        double r = Math.min(1, Angles.sinTheta(q11, q12, q22) / (s1 * s2));
        return levels(s1, s2, rho, r);
    }

    /** Panel ends 0 = ends[0] &lt; 2^{−levels} &lt; … &lt; 1/2 &lt; 1 &lt; 2 &lt; … &lt; 9.5 on the half-line z ≥ 0. */
    private static double[] ends(int levels) {
        double[] ends = new double[levels + OUTER.length + 1];
        // the smallest panel is at most δ long
        for (int j = 0; j < levels; j++) ends[j + 1] = Math.scalb(1.0, j - levels);
        System.arraycopy(OUTER, 0, ends, levels + 1, OUTER.length);
        return ends;
    }

    /** The number of nodes z &gt; 0 of the rule with this many graded levels (each also taken as −z). */
    static int nodeCount(int levels) {
        return (levels + OUTER.length) * NODES.length;
    }

    /**
     * The rule's nodes z &gt; 0 and weights w·φ(z) for this many levels, into z[0 … nodeCount) and
     * weights[0 … nodeCount), in the order and with the arithmetic of {@link #pieces}: the same numbers,
     * for the vector route ({@code VectorEluIntegrals}), which caches them per number of levels.
     */
    static void rule(int levels, double[] z, double[] weights) {
        double[] ends = ends(levels);
        int j = 0;
        for (int p = 0; p + 1 < ends.length; p++) {
            double half = 0.5 * (ends[p + 1] - ends[p]), mid = 0.5 * (ends[p + 1] + ends[p]);
            for (int i = 0; i < NODES.length; i++, j++) {
                z[j] = mid + half * NODES[i];
                weights[j] = half * WEIGHTS[i] * StandardNormal.pdf(z[j]);
            }
        }
    }

    /** E[eᵛ·1[v &lt; 0]] for v ~ N(m, σ²). */
    static double negativeExp(double m, double sigma) {
        if (sigma == 0) {
            return m < 0 ? Math.exp(m) : 0;
        }
        double ms = m / sigma, t = ms + sigma;
        double gauss = Math.exp(-0.5 * ms * ms);
        if (t >= 0) {
            return 0.5 * StandardNormal.erfcx(t / StandardNormal.SQRT_2) * gauss;
        }
        // ½erfcx(t/√2) = e^{t²/2} − ½erfcx(−t/√2), and t²/2 − m²/(2σ²) = m + σ²/2 < 0 here.
        return Math.exp(m + 0.5 * sigma * sigma) - 0.5 * StandardNormal.erfcx(-t / StandardNormal.SQRT_2) * gauss;
    }

    /**
     * E[(eᵛ − 1)·1[v &lt; 0]] for v ~ N(m, σ²), without cancellation for small m and σ, given
     * E[eᵛ; v &lt; 0] ({@link #negativeExp}) and Φ(−m/σ), which the caller has already computed.
     */
    private static double negativePart(double m, double sigma, double negativeExp, double cdfMinusMOverSigma) {
        if (sigma == 0) {
            return m < 0 ? Math.expm1(m) : 0;
        }
        if (sigma < 0.5 && Math.abs(m) < 1) {
            double x = -m / sigma;
            return StandardNormal.cdf(x - sigma) * Math.expm1(m + 0.5 * sigma * sigma)
                    - StandardNormal.mass(x - sigma, x);
        }
        return negativeExp - cdfMinusMOverSigma;
    }
}
